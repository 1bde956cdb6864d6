/**
 * Small built-in E.164 country-code and MCC tables, enough to put a country on
 * GTs and Diameter realms when the full table (shared/detect/geo*) is not used.
 * Values from ITU-T E.164 (country codes) and ITU-T E.212 (mobile country codes).
 */
export const E164_CC: readonly [cc: string, iso: string, name: string][] = [
  ['1', 'US', 'United States / NANP'], ['7', 'RU', 'Russia / Kazakhstan'], ['20', 'EG', 'Egypt'], ['27', 'ZA', 'South Africa'],
  ['30', 'GR', 'Greece'], ['31', 'NL', 'Netherlands'], ['32', 'BE', 'Belgium'], ['33', 'FR', 'France'], ['34', 'ES', 'Spain'],
  ['36', 'HU', 'Hungary'], ['39', 'IT', 'Italy'], ['40', 'RO', 'Romania'], ['41', 'CH', 'Switzerland'], ['43', 'AT', 'Austria'],
  ['44', 'GB', 'United Kingdom'], ['45', 'DK', 'Denmark'], ['46', 'SE', 'Sweden'], ['47', 'NO', 'Norway'], ['48', 'PL', 'Poland'],
  ['49', 'DE', 'Germany'], ['51', 'PE', 'Peru'], ['52', 'MX', 'Mexico'], ['53', 'CU', 'Cuba'], ['54', 'AR', 'Argentina'], ['55', 'BR', 'Brazil'],
  ['56', 'CL', 'Chile'], ['57', 'CO', 'Colombia'], ['58', 'VE', 'Venezuela'], ['60', 'MY', 'Malaysia'], ['61', 'AU', 'Australia'],
  ['62', 'ID', 'Indonesia'], ['63', 'PH', 'Philippines'], ['64', 'NZ', 'New Zealand'], ['65', 'SG', 'Singapore'], ['66', 'TH', 'Thailand'],
  ['81', 'JP', 'Japan'], ['82', 'KR', 'South Korea'], ['84', 'VN', 'Vietnam'], ['86', 'CN', 'China'], ['90', 'TR', 'Turkey'],
  ['91', 'IN', 'India'], ['92', 'PK', 'Pakistan'], ['93', 'AF', 'Afghanistan'], ['94', 'LK', 'Sri Lanka'], ['95', 'MM', 'Myanmar'], ['98', 'IR', 'Iran'],
  ['212', 'MA', 'Morocco'], ['213', 'DZ', 'Algeria'], ['216', 'TN', 'Tunisia'], ['218', 'LY', 'Libya'], ['234', 'NG', 'Nigeria'],
  ['254', 'KE', 'Kenya'], ['255', 'TZ', 'Tanzania'], ['256', 'UG', 'Uganda'], ['351', 'PT', 'Portugal'], ['352', 'LU', 'Luxembourg'],
  ['353', 'IE', 'Ireland'], ['354', 'IS', 'Iceland'], ['355', 'AL', 'Albania'], ['356', 'MT', 'Malta'], ['357', 'CY', 'Cyprus'],
  ['358', 'FI', 'Finland'], ['359', 'BG', 'Bulgaria'], ['370', 'LT', 'Lithuania'], ['371', 'LV', 'Latvia'], ['372', 'EE', 'Estonia'],
  ['380', 'UA', 'Ukraine'], ['381', 'RS', 'Serbia'], ['385', 'HR', 'Croatia'], ['386', 'SI', 'Slovenia'], ['420', 'CZ', 'Czechia'],
  ['421', 'SK', 'Slovakia'], ['852', 'HK', 'Hong Kong'], ['880', 'BD', 'Bangladesh'], ['886', 'TW', 'Taiwan'], ['961', 'LB', 'Lebanon'],
  ['962', 'JO', 'Jordan'], ['963', 'SY', 'Syria'], ['964', 'IQ', 'Iraq'], ['965', 'KW', 'Kuwait'], ['966', 'SA', 'Saudi Arabia'],
  ['967', 'YE', 'Yemen'], ['968', 'OM', 'Oman'], ['970', 'PS', 'Palestine'], ['971', 'AE', 'United Arab Emirates'], ['972', 'IL', 'Israel'],
  ['973', 'BH', 'Bahrain'], ['974', 'QA', 'Qatar'], ['975', 'BT', 'Bhutan'], ['976', 'MN', 'Mongolia'], ['977', 'NP', 'Nepal'],
];

export const MCC: readonly [mcc: string, iso: string][] = [
  ['202', 'GR'], ['204', 'NL'], ['206', 'BE'], ['208', 'FR'], ['214', 'ES'], ['216', 'HU'], ['222', 'IT'], ['226', 'RO'], ['228', 'CH'],
  ['232', 'AT'], ['234', 'GB'], ['235', 'GB'], ['238', 'DK'], ['240', 'SE'], ['242', 'NO'], ['244', 'FI'], ['246', 'LT'], ['247', 'LV'],
  ['248', 'EE'], ['250', 'RU'], ['255', 'UA'], ['260', 'PL'], ['262', 'DE'], ['268', 'PT'], ['270', 'LU'], ['272', 'IE'], ['274', 'IS'],
  ['276', 'AL'], ['278', 'MT'], ['280', 'CY'], ['284', 'BG'], ['286', 'TR'], ['302', 'CA'], ['310', 'US'], ['311', 'US'], ['312', 'US'],
  ['313', 'US'], ['314', 'US'], ['315', 'US'], ['316', 'US'], ['334', 'MX'], ['404', 'IN'], ['405', 'IN'], ['410', 'PK'], ['412', 'AF'],
  ['413', 'LK'], ['414', 'MM'], ['415', 'LB'], ['416', 'JO'], ['417', 'SY'], ['418', 'IQ'], ['419', 'KW'], ['420', 'SA'], ['421', 'YE'],
  ['422', 'OM'], ['424', 'AE'], ['425', 'IL'], ['426', 'BH'], ['427', 'QA'], ['428', 'MN'], ['429', 'NP'], ['432', 'IR'], ['440', 'JP'],
  ['441', 'JP'], ['450', 'KR'], ['452', 'VN'], ['454', 'HK'], ['460', 'CN'], ['466', 'TW'], ['470', 'BD'], ['502', 'MY'], ['505', 'AU'],
  ['510', 'ID'], ['515', 'PH'], ['520', 'TH'], ['525', 'SG'], ['530', 'NZ'], ['602', 'EG'], ['603', 'DZ'], ['604', 'MA'], ['605', 'TN'],
  ['606', 'LY'], ['621', 'NG'], ['639', 'KE'], ['640', 'TZ'], ['641', 'UG'], ['655', 'ZA'], ['716', 'PE'], ['722', 'AR'], ['724', 'BR'],
  ['730', 'CL'], ['732', 'CO'], ['734', 'VE'], ['368', 'CU'], ['001', 'XX'], ['999', 'XX'],
];
