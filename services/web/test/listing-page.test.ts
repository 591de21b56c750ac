import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { PublishedListing } from '../src/api/listings-client.js';
import { renderListingPage } from '../src/listing-page/listing-page.js';

const listing: PublishedListing = {
  id: '5b1f7c3e-8a43-4a53-9a57-0d1d2b0e7a11',
  organization_id: '0e6ad3c0-6b3f-4a0a-8f53-3c1f1f3b2a10',
  unit_id: '7c7b1d0e-3c43-4e38-9a7f-2c9b6b0b3d22',
  property_id: '9a2b6c1d-1f4e-4c3b-8a2d-5e6f7a8b9c33',
  title: 'Loft </script><script>alert(1)</script>',
  description: 'Walk to the lake trail.',
  price_minor: 245_000,
  currency: 'USD',
  pet_policy: 'cats',
  beds: 2,
  baths: 1.5,
  sqft: 850,
  available_from: '2027-01-05',
  property_type: 'apartment',
  address: {
    line1: '500 E Cesar Chavez St',
    city: 'Austin',
    region: 'TX',
    postal_code: '78701',
    country: 'US',
  },
  amenities: ['dishwasher'],
  published_at: '2026-12-01T10:00:00.000Z',
  distance_m: null,
  location: { lat: 30.2615, lng: -97.739 },
  photos: [{ url: 'https://photos.example/1.jpg', caption: 'Living room' }],
};

const url = `https://rent.example/listings/${listing.id}`;
const page = renderListingPage(listing, url, { locale: 'en-US', stylesheet: '/assets/listing-abc.css' });

test('the page carries its title, price, facts, photos and canonical URL in the HTML itself', () => {
  assert.match(page, /^<!doctype html><html lang="en-US">/);
  assert.match(
    page,
    /<title>Loft &lt;\/script&gt;&lt;script&gt;alert\(1\)&lt;\/script&gt; · Austin, TX · PortfolioOS<\/title>/,
  );
  assert.match(page, /<strong>\$2,450<\/strong> \/ month/);
  assert.match(page, /<li>2 beds<\/li><li>1.5 baths<\/li><li>850 sq ft<\/li>/);
  assert.match(page, /Available from Jan 5, 2027/);
  assert.match(page, /<img src="https:\/\/photos.example\/1.jpg" alt="Living room"/);
  assert.match(page, new RegExp(`<link rel="canonical" href="${url}"/>`));
  assert.match(page, /<link rel="stylesheet" href="\/assets\/listing-abc.css"\/>/);
  assert.doesNotMatch(page, /<script>alert/, 'the title is escaped everywhere');
});

test('its schema.org JSON-LD describes the rent offer and the home', () => {
  const block = /<script type="application\/ld\+json">(.*?)<\/script>/.exec(page);
  assert.ok(block?.[1]);
  const data = JSON.parse(block[1]);
  assert.equal(data['@type'], 'RealEstateListing');
  assert.equal(data.name, listing.title);
  assert.equal(data.url, url);
  assert.deepEqual(data.image, ['https://photos.example/1.jpg']);
  assert.equal(data.offers.price, 2450);
  assert.equal(data.offers.priceCurrency, 'USD');
  assert.equal(data.offers.priceSpecification.unitCode, 'MON');
  assert.equal(data.about.numberOfBedrooms, 2);
  assert.equal(data.about.numberOfBathroomsTotal, 1.5);
  assert.equal(data.about.address.addressLocality, 'Austin');
  assert.deepEqual(data.about.geo, { '@type': 'GeoCoordinates', latitude: 30.2615, longitude: -97.739 });
});
