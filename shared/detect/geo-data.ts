/**
 * Sigtrail's own reference tables, written from the ITU-T E.164 country-code
 * assignments (List of ITU-T Recommendation E.164 assigned country codes) and the
 * ITU-T E.212 mobile country codes, with a reference coordinate per country (its
 * capital, to 0.1°). Used by geo.ts; no profile is needed to resolve a GT or an IMSI
 * to a country.
 *
 * COUNTRIES: ISO 3166-1 alpha-2 | name | lat | lon. Pseudo-codes X* stand for
 * non-geographic numbering (international networks, satellite) and have no coordinate.
 */
export const COUNTRIES = `
AD|Andorra|42.5|1.5
AE|United Arab Emirates|24.5|54.4
AF|Afghanistan|34.5|69.2
AG|Antigua and Barbuda|17.1|-61.8
AI|Anguilla|18.2|-63.1
AL|Albania|41.3|19.8
AM|Armenia|40.2|44.5
AO|Angola|-8.8|13.2
AR|Argentina|-34.6|-58.4
AS|American Samoa|-14.3|-170.7
AT|Austria|48.2|16.4
AU|Australia|-35.3|149.1
AW|Aruba|12.5|-70.0
AZ|Azerbaijan|40.4|49.9
BA|Bosnia and Herzegovina|43.9|18.4
BB|Barbados|13.1|-59.6
BD|Bangladesh|23.8|90.4
BE|Belgium|50.8|4.4
BF|Burkina Faso|12.4|-1.5
BG|Bulgaria|42.7|23.3
BH|Bahrain|26.2|50.6
BI|Burundi|-3.4|29.4
BJ|Benin|6.5|2.6
BM|Bermuda|32.3|-64.8
BN|Brunei|4.9|114.9
BO|Bolivia|-16.5|-68.1
BQ|Caribbean Netherlands|12.2|-68.3
BR|Brazil|-15.8|-47.9
BS|Bahamas|25.1|-77.3
BT|Bhutan|27.5|89.6
BW|Botswana|-24.6|25.9
BY|Belarus|53.9|27.6
BZ|Belize|17.3|-88.8
CA|Canada|45.4|-75.7
CD|DR Congo|-4.3|15.3
CF|Central African Republic|4.4|18.6
CG|Congo|-4.3|15.2
CH|Switzerland|46.9|7.4
CI|Côte d'Ivoire|6.8|-5.3
CK|Cook Islands|-21.2|-159.8
CL|Chile|-33.4|-70.7
CM|Cameroon|3.9|11.5
CN|China|39.9|116.4
CO|Colombia|4.7|-74.1
CR|Costa Rica|9.9|-84.1
CU|Cuba|23.1|-82.4
CV|Cabo Verde|14.9|-23.5
CW|Curaçao|12.1|-68.9
CY|Cyprus|35.2|33.4
CZ|Czechia|50.1|14.4
DE|Germany|52.5|13.4
DJ|Djibouti|11.6|43.1
DK|Denmark|55.7|12.6
DM|Dominica|15.3|-61.4
DO|Dominican Republic|18.5|-69.9
DZ|Algeria|36.8|3.1
EC|Ecuador|-0.2|-78.5
EE|Estonia|59.4|24.7
EG|Egypt|30.0|31.2
ER|Eritrea|15.3|38.9
ES|Spain|40.4|-3.7
ET|Ethiopia|9.0|38.7
FI|Finland|60.2|24.9
FJ|Fiji|-18.1|178.4
FK|Falkland Islands|-51.7|-57.9
FM|Micronesia|6.9|158.2
FO|Faroe Islands|62.0|-6.8
FR|France|48.9|2.4
GA|Gabon|0.4|9.5
GB|United Kingdom|51.5|-0.1
GD|Grenada|12.1|-61.7
GE|Georgia|41.7|44.8
GF|French Guiana|4.9|-52.3
GH|Ghana|5.6|-0.2
GI|Gibraltar|36.1|-5.4
GL|Greenland|64.2|-51.7
GM|Gambia|13.5|-16.6
GN|Guinea|9.6|-13.6
GP|Guadeloupe|16.2|-61.5
GQ|Equatorial Guinea|3.8|8.8
GR|Greece|38.0|23.7
GT|Guatemala|14.6|-90.5
GU|Guam|13.5|144.8
GW|Guinea-Bissau|11.9|-15.6
GY|Guyana|6.8|-58.2
HK|Hong Kong|22.3|114.2
HN|Honduras|14.1|-87.2
HR|Croatia|45.8|16.0
HT|Haiti|18.5|-72.3
HU|Hungary|47.5|19.0
ID|Indonesia|-6.2|106.8
IE|Ireland|53.3|-6.3
IL|Israel|31.8|35.2
IN|India|28.6|77.2
IO|British Indian Ocean Territory|-7.3|72.4
IQ|Iraq|33.3|44.4
IR|Iran|35.7|51.4
IS|Iceland|64.1|-21.9
IT|Italy|41.9|12.5
JM|Jamaica|18.0|-76.8
JO|Jordan|32.0|35.9
JP|Japan|35.7|139.7
KE|Kenya|-1.3|36.8
KG|Kyrgyzstan|42.9|74.6
KH|Cambodia|11.6|104.9
KI|Kiribati|1.3|173.0
KM|Comoros|-11.7|43.3
KN|Saint Kitts and Nevis|17.3|-62.7
KP|North Korea|39.0|125.8
KR|South Korea|37.6|127.0
KW|Kuwait|29.4|48.0
KY|Cayman Islands|19.3|-81.4
KZ|Kazakhstan|51.2|71.4
LA|Laos|18.0|102.6
LB|Lebanon|33.9|35.5
LC|Saint Lucia|14.0|-61.0
LI|Liechtenstein|47.1|9.5
LK|Sri Lanka|6.9|79.9
LR|Liberia|6.3|-10.8
LS|Lesotho|-29.3|27.5
LT|Lithuania|54.7|25.3
LU|Luxembourg|49.6|6.1
LV|Latvia|56.9|24.1
LY|Libya|32.9|13.2
MA|Morocco|34.0|-6.8
MC|Monaco|43.7|7.4
MD|Moldova|47.0|28.9
ME|Montenegro|42.4|19.3
MG|Madagascar|-18.9|47.5
MH|Marshall Islands|7.1|171.4
MK|North Macedonia|42.0|21.4
ML|Mali|12.6|-8.0
MM|Myanmar|19.8|96.1
MN|Mongolia|47.9|106.9
MO|Macao|22.2|113.5
MP|Northern Mariana Islands|15.2|145.7
MQ|Martinique|14.6|-61.1
MR|Mauritania|18.1|-16.0
MS|Montserrat|16.8|-62.2
MT|Malta|35.9|14.5
MU|Mauritius|-20.2|57.5
MV|Maldives|4.2|73.5
MW|Malawi|-14.0|33.8
MX|Mexico|19.4|-99.1
MY|Malaysia|3.1|101.7
MZ|Mozambique|-25.9|32.6
NA|Namibia|-22.6|17.1
NC|New Caledonia|-22.3|166.5
NE|Niger|13.5|2.1
NF|Norfolk Island|-29.0|168.0
NG|Nigeria|9.1|7.5
NI|Nicaragua|12.1|-86.3
NL|Netherlands|52.4|4.9
NO|Norway|59.9|10.8
NP|Nepal|27.7|85.3
NR|Nauru|-0.5|166.9
NU|Niue|-19.1|-169.9
NZ|New Zealand|-41.3|174.8
OM|Oman|23.6|58.4
PA|Panama|9.0|-79.5
PE|Peru|-12.0|-77.0
PF|French Polynesia|-17.5|-149.6
PG|Papua New Guinea|-9.4|147.2
PH|Philippines|14.6|121.0
PK|Pakistan|33.7|73.0
PL|Poland|52.2|21.0
PM|Saint Pierre and Miquelon|46.8|-56.2
PR|Puerto Rico|18.5|-66.1
PS|Palestine|31.9|35.2
PT|Portugal|38.7|-9.1
PW|Palau|7.5|134.6
PY|Paraguay|-25.3|-57.6
QA|Qatar|25.3|51.5
RE|Réunion|-20.9|55.5
RO|Romania|44.4|26.1
RS|Serbia|44.8|20.5
RU|Russia|55.8|37.6
RW|Rwanda|-1.9|30.1
SA|Saudi Arabia|24.7|46.7
SB|Solomon Islands|-9.4|160.0
SC|Seychelles|-4.6|55.5
SD|Sudan|15.6|32.5
SE|Sweden|59.3|18.1
SG|Singapore|1.3|103.8
SH|Saint Helena|-15.9|-5.7
SI|Slovenia|46.1|14.5
SK|Slovakia|48.1|17.1
SL|Sierra Leone|8.5|-13.2
SM|San Marino|43.9|12.4
SN|Senegal|14.7|-17.5
SO|Somalia|2.0|45.3
SR|Suriname|5.9|-55.2
SS|South Sudan|4.9|31.6
ST|São Tomé and Príncipe|0.3|6.7
SV|El Salvador|13.7|-89.2
SX|Sint Maarten|18.0|-63.1
SY|Syria|33.5|36.3
SZ|Eswatini|-26.3|31.1
TC|Turks and Caicos Islands|21.5|-71.1
TD|Chad|12.1|15.0
TG|Togo|6.1|1.2
TH|Thailand|13.8|100.5
TJ|Tajikistan|38.6|68.8
TK|Tokelau|-9.2|-171.8
TL|Timor-Leste|-8.6|125.6
TM|Turkmenistan|37.9|58.4
TN|Tunisia|36.8|10.2
TO|Tonga|-21.1|-175.2
TR|Turkey|39.9|32.9
TT|Trinidad and Tobago|10.7|-61.5
TV|Tuvalu|-8.5|179.2
TW|Taiwan|25.0|121.6
TZ|Tanzania|-6.2|35.7
UA|Ukraine|50.5|30.5
UG|Uganda|0.3|32.6
US|United States|38.9|-77.0
UY|Uruguay|-34.9|-56.2
UZ|Uzbekistan|41.3|69.3
VA|Vatican City|41.9|12.5
VC|Saint Vincent and the Grenadines|13.2|-61.2
VE|Venezuela|10.5|-66.9
VG|British Virgin Islands|18.4|-64.6
VI|U.S. Virgin Islands|18.3|-64.9
VN|Vietnam|21.0|105.8
VU|Vanuatu|-17.7|168.3
WF|Wallis and Futuna|-13.3|-176.2
WS|Samoa|-13.8|-171.8
XK|Kosovo|42.7|21.2
YE|Yemen|15.4|44.2
YT|Mayotte|-12.8|45.2
ZA|South Africa|-25.7|28.2
ZM|Zambia|-15.4|28.3
ZW|Zimbabwe|-17.8|31.1
AC|Ascension Island|-7.9|-14.4
AQ|Antarctica (Australian external territories)||
XF|International Freephone Service||
XC|International Shared Cost Service||
XI|Inmarsat||
XU|Universal Personal Telecommunications||
XS|Global Mobile Satellite System||
XN|International Networks||
XO|UN OCHA Telecommunications for Disaster Relief||
XP|International Premium Rate Service||
XT|ITPCS||
XM|Shared MCC (international mobile)||
`;

/** E.164 country codes (incl. NANP +1 and the non-geographic +8xx/+9xx codes): code | ISO. */
export const E164_CODES = `
1|US 20|EG 211|SS 212|MA 213|DZ 216|TN 218|LY 220|GM 221|SN 222|MR 223|ML 224|GN 225|CI 226|BF 227|NE 228|TG 229|BJ
230|MU 231|LR 232|SL 233|GH 234|NG 235|TD 236|CF 237|CM 238|CV 239|ST 240|GQ 241|GA 242|CG 243|CD 244|AO 245|GW
246|IO 247|AC 248|SC 249|SD 250|RW 251|ET 252|SO 253|DJ 254|KE 255|TZ 256|UG 257|BI 258|MZ 260|ZM 261|MG 262|RE
263|ZW 264|NA 265|MW 266|LS 267|BW 268|SZ 269|KM 27|ZA 290|SH 291|ER 297|AW 298|FO 299|GL
30|GR 31|NL 32|BE 33|FR 34|ES 350|GI 351|PT 352|LU 353|IE 354|IS 355|AL 356|MT 357|CY 358|FI 359|BG 36|HU
370|LT 371|LV 372|EE 373|MD 374|AM 375|BY 376|AD 377|MC 378|SM 379|VA 380|UA 381|RS 382|ME 383|XK 385|HR 386|SI
387|BA 389|MK 39|IT 40|RO 41|CH 420|CZ 421|SK 423|LI 43|AT 44|GB 45|DK 46|SE 47|NO 48|PL 49|DE
500|FK 501|BZ 502|GT 503|SV 504|HN 505|NI 506|CR 507|PA 508|PM 509|HT 51|PE 52|MX 53|CU 54|AR 55|BR 56|CL 57|CO
58|VE 590|GP 591|BO 592|GY 593|EC 594|GF 595|PY 596|MQ 597|SR 598|UY 599|CW 5997|BQ
60|MY 61|AU 62|ID 63|PH 64|NZ 65|SG 66|TH 670|TL 672|AQ 6723|NF 673|BN 674|NR 675|PG 676|TO 677|SB 678|VU 679|FJ
680|PW 681|WF 682|CK 683|NU 685|WS 686|KI 687|NC 688|TV 689|PF 690|TK 691|FM 692|MH
7|RU 76|KZ 77|KZ 800|XF 808|XC 81|JP 82|KR 84|VN 850|KP 852|HK 853|MO 855|KH 856|LA 86|CN 870|XI 878|XU 880|BD
881|XS 882|XN 883|XN 886|TW 888|XO 90|TR 91|IN 92|PK 93|AF 94|LK 95|MM 960|MV 961|LB 962|JO 963|SY 964|IQ 965|KW
966|SA 967|YE 968|OM 970|PS 971|AE 972|IL 973|BH 974|QA 975|BT 976|MN 977|NP 979|XP 98|IR 991|XT 992|TJ 993|TM
994|AZ 995|GE 996|KG 998|UZ 262269|YT 262639|YT
`;

/** North American Numbering Plan: area codes (NPA) of +1 outside the United States: NPA | ISO. */
export const NANP_AREAS = `
242|BS 246|BB 264|AI 268|AG 284|VG 340|VI 345|KY 441|BM 473|GD 649|TC 658|JM 876|JM 664|MS 670|MP 671|GU 684|AS
721|SX 758|LC 767|DM 784|VC 787|PR 939|PR 809|DO 829|DO 849|DO 868|TT 869|KN
204|CA 226|CA 236|CA 249|CA 250|CA 263|CA 289|CA 306|CA 343|CA 354|CA 365|CA 367|CA 368|CA 382|CA 387|CA 403|CA
416|CA 418|CA 428|CA 431|CA 437|CA 438|CA 450|CA 460|CA 468|CA 474|CA 506|CA 514|CA 519|CA 548|CA 579|CA 581|CA
584|CA 587|CA 604|CA 613|CA 639|CA 647|CA 672|CA 683|CA 705|CA 709|CA 742|CA 753|CA 778|CA 780|CA 782|CA 807|CA
819|CA 825|CA 867|CA 873|CA 879|CA 902|CA 905|CA
`;

/** E.212 mobile country codes: MCC | ISO (several MCCs may map to one country). */
export const MCC_CODES = `
001|XM 202|GR 204|NL 206|BE 208|FR 212|MC 213|AD 214|ES 216|HU 218|BA 219|HR 220|RS 221|XK 222|IT 225|VA 226|RO
228|CH 230|CZ 231|SK 232|AT 234|GB 235|GB 238|DK 240|SE 242|NO 244|FI 246|LT 247|LV 248|EE 250|RU 255|UA 257|BY
259|MD 260|PL 262|DE 266|GI 268|PT 270|LU 272|IE 274|IS 276|AL 278|MT 280|CY 282|GE 283|AM 284|BG 286|TR 288|FO
290|GL 292|SM 293|SI 294|MK 295|LI 297|ME
302|CA 308|PM 310|US 311|US 312|US 313|US 314|US 315|US 316|US 330|PR 332|VI 334|MX 338|JM 340|GP 342|BB 344|AG
346|KY 348|VG 350|BM 352|GD 354|MS 356|KN 358|LC 360|VC 362|CW 363|AW 364|BS 365|AI 366|DM 368|CU 370|DO 372|HT
374|TT 376|TC
400|AZ 401|KZ 402|BT 404|IN 405|IN 406|IN 410|PK 412|AF 413|LK 414|MM 415|LB 416|JO 417|SY 418|IQ 419|KW 420|SA
421|YE 422|OM 424|AE 425|IL 426|BH 427|QA 428|MN 429|NP 430|AE 431|AE 432|IR 434|UZ 436|TJ 437|KG 438|TM 440|JP
441|JP 450|KR 452|VN 454|HK 455|MO 456|KH 457|LA 460|CN 461|CN 466|TW 467|KP 470|BD 472|MV
502|MY 505|AU 510|ID 514|TL 515|PH 520|TH 525|SG 528|BN 530|NZ 536|NR 537|PG 539|TO 540|SB 541|VU 542|FJ 543|WF
534|MP 535|GU 544|AS 545|KI 546|NC 547|PF 548|CK 549|WS 550|FM 551|MH 552|PW 553|TV 554|TK 555|NU
602|EG 603|DZ 604|MA 605|TN 606|LY 607|GM 608|SN 609|MR 610|ML 611|GN 612|CI 613|BF 614|NE 615|TG 616|BJ 617|MU
618|LR 619|SL 620|GH 621|NG 622|TD 623|CF 624|CM 625|CV 626|ST 627|GQ 628|GA 629|CG 630|CD 631|AO 632|GW 633|SC
634|SD 635|RW 636|ET 637|SO 638|DJ 639|KE 640|TZ 641|UG 642|BI 643|MZ 645|ZM 646|MG 647|RE 648|ZW 649|NA 650|MW
651|LS 652|BW 653|SZ 654|KM 655|ZA 657|ER 658|SH 659|SS
702|BZ 704|GT 706|SV 708|HN 710|NI 712|CR 714|PA 716|PE 722|AR 724|BR 730|CL 732|CO 734|VE 736|BO 738|GY 740|EC
742|GF 744|PY 746|SR 748|UY 750|FK
901|XM 902|XM 991|XM 999|XM
`;
