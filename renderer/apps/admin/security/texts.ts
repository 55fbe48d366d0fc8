// Texts of the admin HTTPS page (Spanish and English): installing the hub's certificate on each platform.
export const httpsEs = {
  'https.title': 'HTTPS para tablets',
  'https.subtitle':
    'Con el certificado del hub instalado, las tablets abren las apps por HTTPS y pueden recargarlas aunque el hub no responda.',
  'https.loadFailed': 'No se pudo consultar el HTTPS del hub',
  'https.off':
    'El HTTPS está desactivado en este hub (COMANDA_HTTPS=off). Arráncalo sin esa opción para ofrecerlo a las tablets.',
  'https.step1': '1. Descarga el certificado',
  'https.step1Text':
    'Escanea el código con la tablet (en el wifi del local) o abre la dirección en su navegador.',
  'https.download': 'Descargar certificado',
  'https.qrLabel': 'Código QR para descargar el certificado',
  'https.step2': '2. Confía en él',
  'https.step3': '3. Abre las apps por HTTPS',
  'https.step3Text': 'Después, usa estas direcciones en las tablets:',
  'https.openLabel': 'Código QR de la dirección HTTPS',
  'https.port': 'Puerto HTTPS {n}',
  'https.fingerprint': 'Huella SHA-256 (compárala en la tablet):',
  'https.platform.ios': 'iPhone / iPad',
  'https.platform.android': 'Android',
  'https.platform.windows': 'Windows',
  'https.platform.macos': 'macOS',
  'https.platform.chromeos': 'ChromeOS',
  'https.ios.1': 'Abre el enlace en Safari y acepta descargar el perfil de configuración.',
  'https.ios.2': 'Ajustes → General → VPN y gestión de dispositivos → el perfil «Comanda» → Instalar.',
  'https.ios.3':
    'Ajustes → General → Información → Ajustes de confianza de certificados → activa la confianza total para la CA de Comanda.',
  'https.ios.4': 'Abre la dirección HTTPS en Safari y añádela a la pantalla de inicio.',
  'https.android.1': 'Abre el enlace en Chrome y descarga el certificado.',
  'https.android.2':
    'Ajustes → Seguridad y privacidad → Más ajustes de seguridad → Cifrado y credenciales → Instalar un certificado → Certificado de CA → Instalar igualmente → elige el archivo.',
  'https.android.3': 'Abre la dirección HTTPS en Chrome.',
  'https.windows.1': 'Descarga el certificado y ábrelo con doble clic → Instalar certificado.',
  'https.windows.2':
    'Equipo local → Colocar todos los certificados en el siguiente almacén → Entidades de certificación raíz de confianza → Finalizar.',
  'https.windows.3': 'Cierra y vuelve a abrir el navegador y entra en la dirección HTTPS.',
  'https.macos.1': 'Descarga el certificado y ábrelo: Acceso a Llaveros lo añade.',
  'https.macos.2':
    'En Acceso a Llaveros, abre el certificado de Comanda → Confiar → «Al utilizar este certificado: Confiar siempre».',
  'https.macos.3': 'Abre la dirección HTTPS en el navegador.',
  'https.chromeos.1': 'Descarga el certificado.',
  'https.chromeos.2':
    'Configuración → Privacidad y seguridad → Seguridad → Gestionar certificados → Autoridades → Importar → marca «Confiar en este certificado para identificar sitios web».',
  'https.chromeos.3': 'Abre la dirección HTTPS en Chrome.',
};

export const httpsEn: Record<keyof typeof httpsEs, string> = {
  'https.title': 'HTTPS for tablets',
  'https.subtitle':
    'With the hub’s certificate installed, tablets open the apps over HTTPS and can reload them even when the hub does not answer.',
  'https.loadFailed': 'Could not ask the hub about HTTPS',
  'https.off':
    'HTTPS is off on this hub (COMANDA_HTTPS=off). Start it without that option to offer it to tablets.',
  'https.step1': '1. Download the certificate',
  'https.step1Text':
    'Scan the code with the tablet (on the restaurant’s wifi) or open the address in its browser.',
  'https.download': 'Download certificate',
  'https.qrLabel': 'QR code to download the certificate',
  'https.step2': '2. Trust it',
  'https.step3': '3. Open the apps over HTTPS',
  'https.step3Text': 'From then on, use these addresses on the tablets:',
  'https.openLabel': 'QR code of the HTTPS address',
  'https.port': 'HTTPS port {n}',
  'https.fingerprint': 'SHA-256 fingerprint (compare it on the tablet):',
  'https.platform.ios': 'iPhone / iPad',
  'https.platform.android': 'Android',
  'https.platform.windows': 'Windows',
  'https.platform.macos': 'macOS',
  'https.platform.chromeos': 'ChromeOS',
  'https.ios.1': 'Open the link in Safari and allow the configuration profile to download.',
  'https.ios.2': 'Settings → General → VPN & Device Management → the “Comanda” profile → Install.',
  'https.ios.3':
    'Settings → General → About → Certificate Trust Settings → turn on full trust for the Comanda CA.',
  'https.ios.4': 'Open the HTTPS address in Safari and add it to the Home Screen.',
  'https.android.1': 'Open the link in Chrome and download the certificate.',
  'https.android.2':
    'Settings → Security & privacy → More security settings → Encryption & credentials → Install a certificate → CA certificate → Install anyway → pick the file.',
  'https.android.3': 'Open the HTTPS address in Chrome.',
  'https.windows.1': 'Download the certificate and double-click it → Install Certificate.',
  'https.windows.2':
    'Local Machine → Place all certificates in the following store → Trusted Root Certification Authorities → Finish.',
  'https.windows.3': 'Close and reopen the browser and go to the HTTPS address.',
  'https.macos.1': 'Download the certificate and open it: Keychain Access adds it.',
  'https.macos.2':
    'In Keychain Access, open the Comanda certificate → Trust → “When using this certificate: Always Trust”.',
  'https.macos.3': 'Open the HTTPS address in the browser.',
  'https.chromeos.1': 'Download the certificate.',
  'https.chromeos.2':
    'Settings → Privacy and security → Security → Manage certificates → Authorities → Import → tick “Trust this certificate for identifying websites”.',
  'https.chromeos.3': 'Open the HTTPS address in Chrome.',
};
