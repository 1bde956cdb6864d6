/**
 * Countries the simulated world draws from: real E.164 country codes, MCCs and
 * MNCs, a reference coordinate (capital) for travel-time plausibility and the
 * UTC offset used for the day/night rhythm.
 */
export interface Country {
  name: string;
  iso: string;
  cc: string;
  mcc: string;
  mncs: string[];
  lat: number;
  lon: number;
  utc: number;
  /** Length of the national significant number of mobile numbers. */
  nsn: number;
}

const C = (name: string, iso: string, cc: string, mcc: string, mncs: string[], lat: number, lon: number, utc: number, nsn: number): Country => ({ name, iso, cc, mcc, mncs, lat, lon, utc, nsn });

export const COUNTRIES: Country[] = [
  C('Portugal', 'PT', '351', '268', ['01', '03', '06'], 38.72, -9.14, 0, 9),
  C('Spain', 'ES', '34', '214', ['01', '03', '07'], 40.42, -3.7, 1, 9),
  C('France', 'FR', '33', '208', ['01', '10', '20'], 48.86, 2.35, 1, 9),
  C('Germany', 'DE', '49', '262', ['01', '02', '03'], 52.52, 13.4, 1, 10),
  C('Italy', 'IT', '39', '222', ['01', '10', '88'], 41.9, 12.5, 1, 10),
  C('United Kingdom', 'GB', '44', '234', ['10', '15', '30'], 51.51, -0.13, 0, 10),
  C('Netherlands', 'NL', '31', '204', ['04', '08', '16'], 52.37, 4.9, 1, 9),
  C('Belgium', 'BE', '32', '206', ['01', '10', '20'], 50.85, 4.35, 1, 9),
  C('Switzerland', 'CH', '41', '228', ['01', '02', '03'], 46.95, 7.45, 1, 9),
  C('Austria', 'AT', '43', '232', ['01', '03', '05'], 48.21, 16.37, 1, 10),
  C('Poland', 'PL', '48', '260', ['01', '02', '03'], 52.23, 21.01, 1, 9),
  C('Sweden', 'SE', '46', '240', ['01', '07', '08'], 59.33, 18.07, 1, 9),
  C('Norway', 'NO', '47', '242', ['01', '02'], 59.91, 10.75, 1, 8),
  C('Denmark', 'DK', '45', '238', ['01', '02', '20'], 55.68, 12.57, 1, 8),
  C('Ireland', 'IE', '353', '272', ['01', '02', '05'], 53.35, -6.26, 0, 9),
  C('Greece', 'GR', '30', '202', ['01', '05', '10'], 37.98, 23.73, 2, 10),
  C('Czechia', 'CZ', '420', '230', ['01', '02', '03'], 50.08, 14.44, 1, 9),
  C('Hungary', 'HU', '36', '216', ['01', '30', '70'], 47.5, 19.04, 1, 9),
  C('Romania', 'RO', '40', '226', ['01', '03', '10'], 44.43, 26.1, 2, 9),
  C('Finland', 'FI', '358', '244', ['05', '12', '91'], 60.17, 24.94, 2, 9),
  C('Luxembourg', 'LU', '352', '270', ['01', '77', '99'], 49.61, 6.13, 1, 9),
  C('Turkey', 'TR', '90', '286', ['01', '02', '03'], 39.93, 32.86, 3, 10),
  C('Morocco', 'MA', '212', '604', ['00', '01'], 34.02, -6.84, 1, 9),
  C('Egypt', 'EG', '20', '602', ['01', '02', '03'], 30.04, 31.24, 2, 10),
  C('Israel', 'IL', '972', '425', ['01', '02', '03'], 31.77, 35.21, 2, 9),
  C('United Arab Emirates', 'AE', '971', '424', ['02', '03'], 24.45, 54.38, 4, 9),
  C('Saudi Arabia', 'SA', '966', '420', ['01', '03', '04'], 24.71, 46.68, 3, 9),
  C('South Africa', 'ZA', '27', '655', ['01', '07', '10'], -25.75, 28.19, 2, 9),
  C('Nigeria', 'NG', '234', '621', ['20', '30', '50'], 9.08, 7.4, 1, 10),
  C('Kenya', 'KE', '254', '639', ['02', '03', '07'], -1.29, 36.82, 3, 9),
  C('India', 'IN', '91', '404', ['10', '20', '45'], 28.61, 77.21, 5.5, 10),
  C('Pakistan', 'PK', '92', '410', ['01', '03', '04'], 33.69, 73.05, 5, 10),
  C('Singapore', 'SG', '65', '525', ['01', '03', '05'], 1.35, 103.82, 8, 8),
  C('Malaysia', 'MY', '60', '502', ['12', '13', '16'], 3.14, 101.69, 8, 9),
  C('Thailand', 'TH', '66', '520', ['01', '03', '04'], 13.76, 100.5, 7, 9),
  C('Vietnam', 'VN', '84', '452', ['01', '02', '04'], 21.03, 105.85, 7, 9),
  C('Indonesia', 'ID', '62', '510', ['01', '10', '11'], -6.21, 106.85, 7, 10),
  C('Philippines', 'PH', '63', '515', ['02', '03'], 14.6, 120.98, 8, 10),
  C('Japan', 'JP', '81', '440', ['10', '20', '50'], 35.68, 139.69, 9, 10),
  C('Australia', 'AU', '61', '505', ['01', '02', '03'], -35.28, 149.13, 10, 9),
  C('United States', 'US', '1', '310', ['260', '410'], 38.9, -77.04, -5, 10),
  C('Canada', 'CA', '1', '302', ['220', '610'], 45.42, -75.7, -5, 10),
  C('Mexico', 'MX', '52', '334', ['020', '030'], 19.43, -99.13, -6, 10),
  C('Brazil', 'BR', '55', '724', ['05', '06', '31'], -15.79, -47.88, -3, 11),
  C('Argentina', 'AR', '54', '722', ['07', '31', '34'], -34.6, -58.38, -3, 10),
  C('Chile', 'CL', '56', '730', ['01', '02', '03'], -33.45, -70.67, -4, 9),
  C('Colombia', 'CO', '57', '732', ['101', '103', '123'], 4.71, -74.07, -5, 10),
  C('Ukraine', 'UA', '380', '255', ['01', '03', '06'], 50.45, 30.52, 2, 9),
  C('Russia', 'RU', '7', '250', ['01', '02', '99'], 55.76, 37.62, 3, 10),
];

/** Great-circle distance in km. */
export function distanceKm(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const r = Math.PI / 180;
  const dLat = (b.lat - a.lat) * r;
  const dLon = (b.lon - a.lon) * r;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * r) * Math.cos(b.lat * r) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Plausible door-to-door travel time in hours between two countries (ground below 600 km, flights above). */
export function travelHours(a: Country, b: Country): number {
  if (a === b) return 0;
  const d = distanceKm(a, b);
  if (d < 600) return 1 + d / 90;
  return 3 + d / 800;
}
