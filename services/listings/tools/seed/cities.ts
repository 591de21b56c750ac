/** A real city centre the seeders spread properties around, with its local rent level. */
export interface City {
  name: string;
  region: string;
  /** ISO-3166-1 alpha-2. */
  country: string;
  lat: number;
  lng: number;
  timeZone: string;
  /** ISO-4217. */
  currency: string;
  /** Typical monthly rent of a one-bedroom, major units of `currency` (rough 2024 medians). */
  oneBedRent: number;
  /** Standard deviation of distance from the centre, km: how far the city sprawls. */
  spreadKm: number;
  /** Relative share of listings (≈ metro population, millions). */
  weight: number;
  postalCodes: string[];
  streets: string[];
  /** Part of the few-hundred-listing demo (the bench data set uses every city). */
  demo: boolean;
}

// name | region | country | lat | lng | time zone | currency | 1-bed rent | spread km | weight | postal codes | streets
// A '*' before the name marks a demo city. Kept as a table so fifty cities stay readable on one screen.
const TABLE = `
*Austin|TX|US|30.2672|-97.7431|America/Chicago|USD|1500|9|2.4|78701 78702 78704 78705 78751|Congress Ave;S Lamar Blvd;E Cesar Chavez St;Guadalupe St;Barton Springs Rd;Manor Rd
*New York|NY|US|40.7128|-74.0060|America/New_York|USD|3900|8|19|10001 10003 10011 10027 11211 11215|Broadway;W 14th St;Bedford Ave;Amsterdam Ave;Atlantic Ave;Lexington Ave
*San Francisco|CA|US|37.7749|-122.4194|America/Los_Angeles|USD|3000|5|4.6|94103 94107 94110 94114 94117|Valencia St;Market St;Divisadero St;Folsom St;Haight St;Irving St
*Chicago|IL|US|41.8781|-87.6298|America/Chicago|USD|2000|10|9.4|60605 60607 60614 60622 60647|N Milwaukee Ave;W Armitage Ave;S Michigan Ave;N Clark St;W Division St
*Seattle|WA|US|47.6062|-122.3321|America/Los_Angeles|USD|2200|8|4|98101 98102 98103 98109 98122|Pike St;Eastlake Ave E;N 45th St;Rainier Ave S;Fremont Ave N
*Denver|CO|US|39.7392|-104.9903|America/Denver|USD|1750|9|2.9|80202 80203 80205 80206 80211|Colfax Ave;Larimer St;S Broadway;Tennyson St;E 17th Ave
*Toronto|ON|CA|43.6532|-79.3832|America/Toronto|CAD|2500|10|6.2|M5V 2T6;M6J 1H4;M4M 2S1;M5R 1B2;M6G 3A9|Queen St W;Spadina Ave;Danforth Ave;Bloor St W;Dundas St W;King St E
*London|England|GB|51.5074|-0.1278|Europe/London|GBP|2100|11|9|E1 6AN;N1 9GU;SE1 7PB;SW9 8HE;NW1 8NH;E8 4QY|Commercial St;Upper St;Brixton Rd;Camden High St;Mare St;Old Kent Rd
*Berlin|Berlin|DE|52.5200|13.4050|Europe/Berlin|EUR|1300|9|3.7|10115 10245 10405 10961 12047 10437|Kastanienallee;Oranienstraße;Sonnenallee;Karl-Marx-Allee;Schönhauser Allee;Warschauer Straße
Boston|MA|US|42.3601|-71.0589|America/New_York|USD|3000|7|4.9|02108 02115 02116 02127 02130|Tremont St;Boylston St;Centre St;Dorchester Ave;Washington St
Los Angeles|CA|US|34.0522|-118.2437|America/Los_Angeles|USD|2600|18|13|90012 90026 90027 90034 90291|Sunset Blvd;Wilshire Blvd;Vermont Ave;Venice Blvd;Abbot Kinney Blvd
San Diego|CA|US|32.7157|-117.1611|America/Los_Angeles|USD|2500|10|3.3|92101 92103 92104 92107 92116|University Ave;30th St;Adams Ave;India St;Newport Ave
Portland|OR|US|45.5152|-122.6784|America/Los_Angeles|USD|1600|8|2.5|97202 97205 97209 97214 97217|SE Hawthorne Blvd;NW 23rd Ave;N Mississippi Ave;SE Division St;NE Alberta St
Phoenix|AZ|US|33.4484|-112.0740|America/Phoenix|USD|1350|14|5|85003 85004 85006 85013 85016|N Central Ave;E Camelback Rd;N 7th St;E Roosevelt St;N 16th St
Dallas|TX|US|32.7767|-96.7970|America/Chicago|USD|1450|14|7.6|75201 75204 75206 75214 75219|McKinney Ave;Greenville Ave;Lower Greenville;Ross Ave;Lemmon Ave
Houston|TX|US|29.7604|-95.3698|America/Chicago|USD|1300|15|7.1|77002 77006 77007 77008 77019|Westheimer Rd;Montrose Blvd;Washington Ave;Heights Blvd;Main St
Atlanta|GA|US|33.7490|-84.3880|America/New_York|USD|1700|12|6.1|30303 30306 30307 30308 30312|Peachtree St NE;Ponce de Leon Ave;Edgewood Ave;N Highland Ave;Memorial Dr
Washington|DC|US|38.9072|-77.0369|America/New_York|USD|2400|9|6.3|20001 20002 20009 20010 20036|14th St NW;U St NW;H St NE;Connecticut Ave NW;Georgia Ave NW
Philadelphia|PA|US|39.9526|-75.1652|America/New_York|USD|1700|9|6.2|19103 19106 19123 19125 19147|Walnut St;South St;Girard Ave;Frankford Ave;Passyunk Ave
Miami|FL|US|25.7617|-80.1918|America/New_York|USD|2600|10|6.1|33127 33130 33132 33137 33139|Biscayne Blvd;Brickell Ave;NW 2nd Ave;Collins Ave;SW 8th St
Minneapolis|MN|US|44.9778|-93.2650|America/Chicago|USD|1450|9|3.7|55401 55403 55405 55408 55414|Hennepin Ave;Lyndale Ave S;Nicollet Ave;University Ave SE;Lake St
Nashville|TN|US|36.1627|-86.7816|America/Chicago|USD|1650|10|2|37203 37204 37206 37208 37212|Broadway;12th Ave S;Gallatin Ave;Charlotte Ave;Belmont Blvd
Charlotte|NC|US|35.2271|-80.8431|America/New_York|USD|1500|11|2.7|28202 28203 28204 28205 28206|South Blvd;Central Ave;N Davidson St;East Blvd;Camden Rd
Salt Lake City|UT|US|40.7608|-111.8910|America/Denver|USD|1350|9|1.3|84101 84102 84103 84105 84111|S State St;E 900 S;W 400 S;E South Temple;S 700 E
Las Vegas|NV|US|36.1699|-115.1398|America/Los_Angeles|USD|1300|12|2.3|89101 89102 89104 89109 89119|S Las Vegas Blvd;E Charleston Blvd;Fremont St;S Maryland Pkwy;W Sahara Ave
Detroit|MI|US|42.3314|-83.0458|America/Detroit|USD|1100|12|4.3|48201 48202 48207 48214 48226|Woodward Ave;Cass Ave;Gratiot Ave;Michigan Ave;E Jefferson Ave
Vancouver|BC|CA|49.2827|-123.1207|America/Vancouver|CAD|2700|9|2.6|V5K 0A1;V6B 1A1;V5T 3J7;V6K 2G9;V5N 4B6|Main St;Commercial Dr;W 4th Ave;Granville St;Kingsway
Montreal|QC|CA|45.5017|-73.5673|America/Toronto|CAD|1750|10|4.3|H2T 1S8;H2J 2L2;H2X 3V4;H3J 1M1;H2W 1Y5|Boulevard Saint-Laurent;Rue Saint-Denis;Avenue du Mont-Royal;Rue Notre-Dame O;Avenue du Parc
Calgary|AB|CA|51.0447|-114.0719|America/Edmonton|CAD|1850|11|1.6|T2P 1J9;T2R 0B5;T2S 1X1;T2E 3K8;T3C 0J5|17 Ave SW;Kensington Rd NW;Edmonton Trail NE;4 St SW;Macleod Trail S
Manchester|England|GB|53.4808|-2.2426|Europe/London|GBP|1100|8|2.9|M1 1AD;M4 5JD;M14 5RQ;M20 6RN;M15 4PS|Oldham St;Wilmslow Rd;Deansgate;Burton Rd;Stretford Rd
Birmingham|England|GB|52.4862|-1.8904|Europe/London|GBP|950|9|2.9|B1 1BB;B5 4TR;B13 8JP;B29 6BD;B18 6JA|Broad St;Bristol Rd;Moseley Rd;Soho Rd;Corporation St
Edinburgh|Scotland|GB|55.9533|-3.1883|Europe/London|GBP|1200|6|0.9|EH1 1YZ;EH6 6QU;EH7 4AA;EH9 1PR;EH11 2DT|Leith Walk;Easter Rd;Bruntsfield Pl;Dalry Rd;Broughton St
Bristol|England|GB|51.4545|-2.5879|Europe/London|GBP|1350|6|0.7|BS1 4DJ;BS2 8QH;BS3 1AB;BS6 5AE;BS5 0HE|Gloucester Rd;North St;Stokes Croft;Whiteladies Rd;Church Rd
Munich|Bavaria|DE|48.1351|11.5820|Europe/Berlin|EUR|1600|8|2.9|80331 80469 80799 81667 80337|Leopoldstraße;Sendlinger Straße;Rosenheimer Straße;Lindwurmstraße;Schellingstraße
Hamburg|Hamburg|DE|53.5511|9.9937|Europe/Berlin|EUR|1200|10|3.2|20095 20357 22765 20249 22769|Schanzenstraße;Ottenser Hauptstraße;Eppendorfer Weg;Lange Reihe;Osterstraße
Paris|Île-de-France|FR|48.8566|2.3522|Europe/Paris|EUR|1400|8|11|75003 75010 75011 75018 75020|Rue de Rivoli;Boulevard Voltaire;Rue Oberkampf;Rue du Faubourg Saint-Antoine;Rue des Martyrs
Amsterdam|North Holland|NL|52.3676|4.9041|Europe/Amsterdam|EUR|1900|7|2.5|1012 AB;1016 DK;1053 GH;1072 AE;1091 GK|Prinsengracht;Kinkerstraat;Ferdinand Bolstraat;Linnaeusstraat;Haarlemmerdijk
Madrid|Community of Madrid|ES|40.4168|-3.7038|Europe/Madrid|EUR|1300|10|6.7|28004 28005 28012 28015 28045|Calle de Fuencarral;Calle de Embajadores;Calle de Alcalá;Calle de Toledo;Calle de Atocha
Barcelona|Catalonia|ES|41.3874|2.1686|Europe/Madrid|EUR|1250|7|5.6|08001 08010 08012 08015 08037|Carrer de Verdi;Carrer de Sants;Carrer de Còrsega;Passeig de Sant Joan;Carrer de Blai
Dublin|Leinster|IE|53.3498|-6.2603|Europe/Dublin|EUR|2100|8|2|D01 F5P2;D02 X285;D07 V2K7;D08 T6Y2;D06 W5T2|Capel St;Camden St Lower;Thomas St;Rathmines Rd Lower;Phibsborough Rd
Lisbon|Lisbon|PT|38.7223|-9.1393|Europe/Lisbon|EUR|1200|8|2.9|1100-148;1200-195;1170-010;1250-096;1300-271|Rua Augusta;Avenida da Liberdade;Rua da Graça;Rua de São Bento;Avenida Almirante Reis
Milan|Lombardy|IT|45.4642|9.1900|Europe/Rome|EUR|1300|8|4.3|20121 20124 20135 20144 20154|Corso Buenos Aires;Via Paolo Sarpi;Corso di Porta Ticinese;Via Torino;Viale Monza
Vienna|Vienna|AT|48.2082|16.3738|Europe/Vienna|EUR|1000|8|2.9|1010;1020;1050;1070;1160|Mariahilfer Straße;Praterstraße;Neubaugasse;Margaretenstraße;Ottakringer Straße
Sydney|NSW|AU|-33.8688|151.2093|Australia/Sydney|AUD|3000|14|5.3|2000 2010 2037 2042 2204|Crown St;King St;Glebe Point Rd;Oxford St;Parramatta Rd
Melbourne|VIC|AU|-37.8136|144.9631|Australia/Melbourne|AUD|2200|14|5.1|3000 3053 3065 3121 3182|Brunswick St;Sydney Rd;Smith St;Chapel St;Lygon St
`;

/** Every seeded city, parsed once from the table above. */
export const CITIES: readonly City[] = TABLE.trim().split('\n').map(parseCity);
/** The cities of the few-hundred-listing demo. */
export const DEMO_CITIES: readonly City[] = CITIES.filter((c) => c.demo);

function parseCity(line: string): City {
  const f = line.split('|');
  if (f.length !== 12) throw new Error(`cities table: expected 12 fields in ${JSON.stringify(line)}`);
  const number = (i: number) => {
    const n = Number(f[i]);
    if (!Number.isFinite(n)) throw new Error(`cities table: field ${i} is not a number in ${line}`);
    return n;
  };
  const name = f[0]!;
  const list = (i: number) => f[i]!.split(f[i]!.includes(';') ? ';' : ' ');
  return {
    name: name.replace(/^\*/, ''),
    region: f[1]!,
    country: f[2]!,
    lat: number(3),
    lng: number(4),
    timeZone: f[5]!,
    currency: f[6]!,
    oneBedRent: number(7),
    spreadKm: number(8),
    weight: number(9),
    postalCodes: list(10),
    streets: list(11),
    demo: name.startsWith('*'),
  };
}
