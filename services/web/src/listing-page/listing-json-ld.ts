import type { PublishedListing } from '../api/listings-client.js';
import { toMajorUnits } from '../shared/format.js';

/**
 * schema.org description of a listing for search engines and link previews: a RealEstateListing whose
 * offer is the monthly rent, about the home itself (an Accommodation with rooms, size, address, position).
 */
export function listingJsonLd(listing: PublishedListing, url: string) {
  const { address } = listing;
  return {
    '@context': 'https://schema.org',
    '@type': 'RealEstateListing',
    name: listing.title,
    description: listing.description,
    url,
    ...(listing.published_at ? { datePosted: listing.published_at } : {}),
    ...(listing.photos?.length ? { image: listing.photos.map((p) => p.url) } : {}),
    offers: {
      '@type': 'Offer',
      price: toMajorUnits(listing.price_minor, listing.currency),
      priceCurrency: listing.currency,
      businessFunction: 'http://purl.org/goodrelations/v1#LeaseOut',
      priceSpecification: {
        '@type': 'UnitPriceSpecification',
        price: toMajorUnits(listing.price_minor, listing.currency),
        priceCurrency: listing.currency,
        unitCode: 'MON',
      },
      ...(listing.available_from ? { availabilityStarts: listing.available_from } : {}),
    },
    about: {
      '@type': 'Accommodation',
      numberOfBedrooms: listing.beds,
      numberOfBathroomsTotal: listing.baths,
      ...(listing.sqft
        ? { floorSize: { '@type': 'QuantitativeValue', value: listing.sqft, unitCode: 'FTK' } }
        : {}),
      petsAllowed: listing.pet_policy !== 'none',
      amenityFeature: listing.amenities.map((name) => ({
        '@type': 'LocationFeatureSpecification',
        name,
        value: true,
      })),
      address: {
        '@type': 'PostalAddress',
        streetAddress: address.line1,
        addressLocality: address.city,
        addressRegion: address.region,
        postalCode: address.postal_code,
        addressCountry: address.country,
      },
      geo: { '@type': 'GeoCoordinates', latitude: listing.location.lat, longitude: listing.location.lng },
    },
  };
}
