import { renderToStaticMarkup } from 'react-dom/server';
import type { ReactNode } from 'react';
import type { PublishedListing } from '../api/listings-client.js';
import { escapeJsonForHtml } from '../shared/escape-json.js';
import { formatDate, formatMoney } from '../shared/format.js';
import { messagesFor } from '../shared/i18n/messages.js';
import { listingJsonLd } from './listing-json-ld.js';

export interface PageContext {
  locale: string;
  stylesheet: string;
}

function Document({
  title,
  description,
  canonical,
  stylesheet,
  locale,
  head,
  children,
}: {
  title: string;
  description: string;
  canonical?: string;
  stylesheet: string;
  locale: string;
  head?: ReactNode;
  children: ReactNode;
}) {
  return (
    <html lang={locale}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{title}</title>
        <meta name="description" content={description} />
        <link rel="icon" href="data:," />
        {canonical ? <link rel="canonical" href={canonical} /> : null}
        <link rel="stylesheet" href={stylesheet} />
        {head}
      </head>
      <body>{children}</body>
    </html>
  );
}

const render = (page: ReactNode) => `<!doctype html>${renderToStaticMarkup(page)}`;

/** The listing's own page: what a visitor, a search engine and a link preview see of it. */
export function renderListingPage(listing: PublishedListing, url: string, ctx: PageContext): string {
  const { m, plurals } = messagesFor(ctx.locale);
  const price = formatMoney(listing.price_minor, listing.currency, ctx.locale);
  const facts = [m.beds(listing.beds, plurals), m.baths(listing.baths, plurals)];
  if (listing.sqft) facts.push(m.sqft(listing.sqft, plurals));
  const place = `${listing.address.city}, ${listing.address.region}`;
  const summary = `${price} ${m.perMonth} · ${facts.join(' · ')} · ${place}`;
  const photos = listing.photos ?? [];
  return render(
    <Document
      title={`${listing.title} · ${place} · ${m.appName}`}
      description={summary}
      canonical={url}
      stylesheet={ctx.stylesheet}
      locale={ctx.locale}
      head={
        <>
          <meta property="og:type" content="website" />
          <meta property="og:title" content={listing.title} />
          <meta property="og:description" content={summary} />
          <meta property="og:url" content={url} />
          {photos[0] ? <meta property="og:image" content={photos[0].url} /> : null}
          <script
            type="application/ld+json"
            dangerouslySetInnerHTML={{ __html: escapeJsonForHtml(listingJsonLd(listing, url)) }}
          />
        </>
      }
    >
      <header className="site-header">
        <a href="/" className="brand">
          {m.appName}
        </a>
        <a href="/">{m.backToSearch}</a>
      </header>
      <main className="listing">
        <h1>{listing.title}</h1>
        <p className="listing-price">
          <strong>{price}</strong> {m.perMonth}
        </p>
        <ul className="listing-facts" aria-label={m.description}>
          {facts.map((fact) => (
            <li key={fact}>{fact}</li>
          ))}
          <li>{m.propertyTypes[listing.property_type] ?? listing.property_type}</li>
          <li>{m.petPolicies[listing.pet_policy] ?? listing.pet_policy}</li>
          <li>
            {listing.available_from
              ? `${m.availableFrom} ${formatDate(listing.available_from, ctx.locale)}`
              : m.availableNow}
          </li>
        </ul>
        {photos.length > 0 ? (
          <section aria-labelledby="photos">
            <h2 id="photos">{m.photos}</h2>
            <ul className="listing-photos">
              {photos.map((photo) => (
                <li key={photo.url}>
                  <img src={photo.url} alt={photo.caption ?? listing.title} loading="lazy" />
                </li>
              ))}
            </ul>
          </section>
        ) : null}
        <section aria-labelledby="address">
          <h2 id="address">{m.address}</h2>
          <address>
            {listing.address.line1}
            <br />
            {listing.address.city}, {listing.address.region} {listing.address.postal_code}
          </address>
        </section>
        <section aria-labelledby="about">
          <h2 id="about">{m.description}</h2>
          <p className="listing-description">{listing.description}</p>
        </section>
        {listing.amenities.length > 0 ? (
          <section aria-labelledby="amenities">
            <h2 id="amenities">{m.amenities}</h2>
            <ul className="listing-amenities">
              {listing.amenities.map((a) => (
                <li key={a}>{a.replaceAll('_', ' ')}</li>
              ))}
            </ul>
          </section>
        ) : null}
        <p className="listing-apply">
          <button type="button" disabled aria-describedby="apply-note">
            {m.apply}
          </button>{' '}
          <span id="apply-note">{m.applySoon}</span>
        </p>
      </main>
    </Document>,
  );
}

/** The page of a listing that is not (or no longer) on the market. */
export function renderListingNotFound(ctx: PageContext): string {
  const { m } = messagesFor(ctx.locale);
  return render(
    <Document
      title={`${m.listingNotFound} · ${m.appName}`}
      description={m.listingNotFound}
      stylesheet={ctx.stylesheet}
      locale={ctx.locale}
    >
      <header className="site-header">
        <a href="/" className="brand">
          {m.appName}
        </a>
      </header>
      <main className="listing">
        <h1>{m.listingNotFound}</h1>
        <p>{m.listingNotFoundHint}</p>
        <p>
          <a href="/">{m.backToSearch}</a>
        </p>
      </main>
    </Document>,
  );
}
