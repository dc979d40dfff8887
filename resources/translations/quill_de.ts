<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>QObject</name>
    <message>
        <source>expired</source>
        <translation>abgelaufen</translation>
    </message>
    <message>
        <source>in %1 s</source>
        <translation>noch %1 s</translation>
    </message>
    <message>
        <source>in %1 min %2 s</source>
        <translation>noch %1 min %2 s</translation>
    </message>
    <message>
        <source>in %1 h %2 min</source>
        <translation>noch %1 h %2 min</translation>
    </message>
    <message>
        <source>in %1 days</source>
        <translation>noch %1 Tage</translation>
    </message>
    <message>
        <source>&amp;Refuse</source>
        <translation>&amp;Verweigern</translation>
    </message>
    <message>
        <source>Refuse</source>
        <translation>Verweigern</translation>
    </message>
    <message>
        <source>local socket</source>
        <translation>lokaler Socket</translation>
    </message>
    <message>
        <source>loopback WebSocket</source>
        <translation>Loopback-WebSocket</translation>
    </message>
    <message>
        <source>Origin %1 (set by browsers; any local program can claim one)</source>
        <translation>Origin %1 (von Browsern gesetzt; jedes lokale Programm kann einen angeben)</translation>
    </message>
    <message>
        <source>process %1</source>
        <translation>Prozess %1</translation>
    </message>
    <message>
        <source>Danger</source>
        <translation>Gefahr</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>Info</source>
        <translation>Hinweis</translation>
    </message>
</context>
<context>
    <name>quill</name>
    <message>
        <source>approve this request</source>
        <translation>diese Anfrage zu genehmigen</translation>
    </message>
</context>
<context>
    <name>quill::Error</name>
    <message>
        <source>invalid argument</source>
        <translation>ungültiges Argument</translation>
    </message>
    <message>
        <source>i/o error</source>
        <translation>Ein-/Ausgabefehler</translation>
    </message>
    <message>
        <source>invalid hex</source>
        <translation>ungültiges Hex</translation>
    </message>
    <message>
        <source>invalid base64url</source>
        <translation>ungültiges base64url</translation>
    </message>
    <message>
        <source>invalid JSON</source>
        <translation>ungültiges JSON</translation>
    </message>
    <message>
        <source>invalid RFC 3339 time</source>
        <translation>ungültige Zeitangabe (RFC 3339)</translation>
    </message>
    <message>
        <source>invalid private key</source>
        <translation>ungültiger privater Schlüssel</translation>
    </message>
    <message>
        <source>invalid public key</source>
        <translation>ungültiger öffentlicher Schlüssel</translation>
    </message>
    <message>
        <source>invalid signature</source>
        <translation>ungültige Signatur</translation>
    </message>
    <message>
        <source>cryptographic failure</source>
        <translation>kryptografischer Fehler</translation>
    </message>
    <message>
        <source>invalid address</source>
        <translation>ungültige Adresse</translation>
    </message>
    <message>
        <source>address checksum mismatch</source>
        <translation>Prüfsumme der Adresse stimmt nicht</translation>
    </message>
    <message>
        <source>SIWE syntax</source>
        <translation>SIWE-Syntax</translation>
    </message>
    <message>
        <source>SIWE domain</source>
        <translation>SIWE-Domain</translation>
    </message>
    <message>
        <source>SIWE address</source>
        <translation>SIWE-Adresse</translation>
    </message>
    <message>
        <source>SIWE statement</source>
        <translation>SIWE-Erklärung (statement)</translation>
    </message>
    <message>
        <source>SIWE URI</source>
        <translation>SIWE-URI</translation>
    </message>
    <message>
        <source>SIWE version</source>
        <translation>SIWE-Version</translation>
    </message>
    <message>
        <source>SIWE chain ID</source>
        <translation>SIWE-Chain-ID</translation>
    </message>
    <message>
        <source>SIWE nonce</source>
        <translation>SIWE-Nonce</translation>
    </message>
    <message>
        <source>SIWE issued-at</source>
        <translation>SIWE-Ausstellungszeit (issued-at)</translation>
    </message>
    <message>
        <source>SIWE expiration time</source>
        <translation>SIWE-Ablaufzeit</translation>
    </message>
    <message>
        <source>SIWE not-before</source>
        <translation>SIWE-Gültigkeitsbeginn (not-before)</translation>
    </message>
    <message>
        <source>SIWE request ID</source>
        <translation>SIWE-Anfrage-ID</translation>
    </message>
    <message>
        <source>SIWE resources</source>
        <translation>SIWE-Ressourcen</translation>
    </message>
    <message>
        <source>ReCap prefix</source>
        <translation>ReCap-Präfix</translation>
    </message>
    <message>
        <source>ReCap encoding</source>
        <translation>ReCap-Kodierung</translation>
    </message>
    <message>
        <source>ReCap JSON</source>
        <translation>ReCap-JSON</translation>
    </message>
    <message>
        <source>ReCap shape</source>
        <translation>ReCap-Struktur</translation>
    </message>
    <message>
        <source>ReCap duplicate key</source>
        <translation>doppelter ReCap-Schlüssel</translation>
    </message>
    <message>
        <source>ReCap not canonical</source>
        <translation>ReCap nicht kanonisch</translation>
    </message>
    <message>
        <source>ReCap ability</source>
        <translation>ReCap-Fähigkeit</translation>
    </message>
    <message>
        <source>Lit resource prefix</source>
        <translation>Lit-Ressourcenpräfix</translation>
    </message>
    <message>
        <source>Lit ability</source>
        <translation>Lit-Fähigkeit</translation>
    </message>
    <message>
        <source>Lit ability not valid for resource</source>
        <translation>Lit-Fähigkeit für diese Ressource ungültig</translation>
    </message>
    <message>
        <source>request field</source>
        <translation>Anfragefeld</translation>
    </message>
    <message>
        <source>time range</source>
        <translation>Zeitraum</translation>
    </message>
    <message>
        <source>node URL</source>
        <translation>Knoten-URL</translation>
    </message>
    <message>
        <source>max price</source>
        <translation>Höchstpreis</translation>
    </message>
    <message>
        <source>capability AuthSig</source>
        <translation>Capability-AuthSig</translation>
    </message>
    <message>
        <source>no OS keychain available</source>
        <translation>kein Schlüsselbund des Betriebssystems verfügbar</translation>
    </message>
    <message>
        <source>secret not found in the keychain</source>
        <translation>Geheimnis nicht im Schlüsselbund gefunden</translation>
    </message>
    <message>
        <source>keychain failure</source>
        <translation>Fehler im Schlüsselbund</translation>
    </message>
    <message>
        <source>account already exists</source>
        <translation>Konto existiert bereits</translation>
    </message>
    <message>
        <source>no such account</source>
        <translation>Konto nicht gefunden</translation>
    </message>
    <message>
        <source>cannot write Quill&apos;s data folder</source>
        <translation>Quills Datenordner kann nicht beschrieben werden</translation>
    </message>
    <message>
        <source>Quill&apos;s account index is corrupt</source>
        <translation>Quills Kontenverzeichnis ist beschädigt</translation>
    </message>
    <message>
        <source>the keyring did not answer (is it locked?)</source>
        <translation>der Schlüsselbund hat nicht geantwortet (ist er gesperrt?)</translation>
    </message>
    <message>
        <source>rejected by the user</source>
        <translation>vom Benutzer abgelehnt</translation>
    </message>
    <message>
        <source>request expired before the user decided</source>
        <translation>Anfrage abgelaufen, bevor der Benutzer entschieden hat</translation>
    </message>
    <message>
        <source>request cancelled</source>
        <translation>Anfrage abgebrochen</translation>
    </message>
    <message>
        <source>no such pending request</source>
        <translation>keine solche offene Anfrage</translation>
    </message>
    <message>
        <source>wrong number of recovery words</source>
        <translation>falsche Anzahl an Wiederherstellungswörtern</translation>
    </message>
    <message>
        <source>not a BIP-39 English word</source>
        <translation>kein englisches BIP-39-Wort</translation>
    </message>
    <message>
        <source>recovery phrase checksum mismatch</source>
        <translation>Prüfsumme der Wiederherstellungsphrase stimmt nicht</translation>
    </message>
    <message>
        <source>invalid derivation path</source>
        <translation>ungültiger Ableitungspfad</translation>
    </message>
    <message>
        <source>malformed keystore file</source>
        <translation>fehlerhafte Keystore-Datei</translation>
    </message>
    <message>
        <source>unsupported keystore file</source>
        <translation>nicht unterstützte Keystore-Datei</translation>
    </message>
    <message>
        <source>wrong keystore password</source>
        <translation>falsches Keystore-Passwort</translation>
    </message>
    <message>
        <source>keystore file is corrupt</source>
        <translation>Keystore-Datei ist beschädigt</translation>
    </message>
    <message>
        <source>unauthorized</source>
        <translation>nicht autorisiert</translation>
    </message>
    <message>
        <source>rate limited</source>
        <translation>Anfragelimit überschritten</translation>
    </message>
    <message>
        <source>message too large</source>
        <translation>Nachricht zu groß</translation>
    </message>
    <message>
        <source>busy</source>
        <translation>ausgelastet</translation>
    </message>
    <message>
        <source>unsupported method</source>
        <translation>nicht unterstützte Methode</translation>
    </message>
    <message>
        <source>invalid request</source>
        <translation>ungültige Anfrage</translation>
    </message>
    <message>
        <source>invalid params</source>
        <translation>ungültige Parameter</translation>
    </message>
    <message>
        <source>EIP-712 type</source>
        <translation>EIP-712-Typ</translation>
    </message>
    <message>
        <source>EIP-712 value</source>
        <translation>EIP-712-Wert</translation>
    </message>
    <message>
        <source>ChainSecured typed data shape</source>
        <translation>Struktur der ChainSecured-Typed-Data</translation>
    </message>
    <message>
        <source>ChainSecured domain</source>
        <translation>ChainSecured-Domain</translation>
    </message>
    <message>
        <source>ChainSecured issuedAt outside ±300 s</source>
        <translation>ChainSecured-issuedAt außerhalb von ±300 s</translation>
    </message>
    <message>
        <source>ChainSecured signer mismatch</source>
        <translation>ChainSecured-Unterzeichner stimmt nicht überein</translation>
    </message>
    <message>
        <source>error %1</source>
        <translation>Fehler %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>quill::Review</name>
    <message>
        <source>%1 days</source>
        <translation>%1 Tage</translation>
    </message>
    <message>
        <source>%1 hours</source>
        <translation>%1 Stunden</translation>
    </message>
    <message>
        <source>%1 minutes</source>
        <translation>%1 Minuten</translation>
    </message>
    <message>
        <source>Decrypt any data protected by any access-control condition</source>
        <translation>Durch beliebige Zugriffsbedingungen geschützte Daten entschlüsseln</translation>
    </message>
    <message>
        <source>Decrypt data protected by access-control condition %1</source>
        <translation>Durch Zugriffsbedingung %1 geschützte Daten entschlüsseln</translation>
    </message>
    <message>
        <source>Sign with any access-control condition</source>
        <translation>Mit jeder Zugriffsbedingung signieren</translation>
    </message>
    <message>
        <source>Sign with access-control condition %1</source>
        <translation>Mit der Zugriffsbedingung %1 signieren</translation>
    </message>
    <message>
        <source>Sign with any of your PKPs</source>
        <translation>Mit jedem Ihrer PKPs signieren</translation>
    </message>
    <message>
        <source>Sign with PKP %1</source>
        <translation>Mit PKP %1 signieren</translation>
    </message>
    <message>
        <source>Run any Lit Action</source>
        <translation>Beliebige Lit Actions ausführen</translation>
    </message>
    <message>
        <source>Run Lit Action %1</source>
        <translation>Lit Action %1 ausführen</translation>
    </message>
    <message>
        <source>Use any of your capacity credits</source>
        <translation>Beliebige Ihrer Capacity Credits verwenden</translation>
    </message>
    <message>
        <source>Use capacity credit NFT #%1</source>
        <translation>Capacity-Credit-NFT #%1 verwenden</translation>
    </message>
    <message>
        <source>Use any payment delegation</source>
        <translation>Beliebige Zahlungsdelegationen verwenden</translation>
    </message>
    <message>
        <source>Use payment delegation %1</source>
        <translation>Zahlungsdelegation %1 verwenden</translation>
    </message>
    <message>
        <source>Do anything with %1</source>
        <translation>Alles mit %1 tun</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation>%1 auf %2</translation>
    </message>
    <message>
        <source> (conditions: %1)</source>
        <translation> (Bedingungen: %1)</translation>
    </message>
    <message>
        <source>Signed with conditions (data) for %1:
%2</source>
        <translation>Signiert mit Bedingungen (data) für %1:
%2</translation>
    </message>
    <message>
        <source>The message names the site &quot;%1&quot;, but the request comes from %2.</source>
        <translation>Die Nachricht nennt die Website „%1“, aber die Anfrage kommt von %2.</translation>
    </message>
    <message>
        <source>The message names the site &quot;%1&quot;, but this app has no browser Origin: nothing shows that it belongs to that site.</source>
        <translation>Die Nachricht nennt die Website „%1“, aber diese App hat keinen Browser-Origin: Nichts belegt, dass sie zu dieser Website gehört.</translation>
    </message>
    <message>
        <source>Valid for %1: Lit nodes reject sessions longer than 30 days.</source>
        <translation>Gültig für %1: Lit-Knoten lehnen Sitzungen ab, die länger als 30 Tage gelten.</translation>
    </message>
    <message>
        <source>Valid for %1, more than a week.</source>
        <translation>Gültig für %1, länger als eine Woche.</translation>
    </message>
    <message>
        <source>The request expired before it could be signed.</source>
        <translation>Die Anfrage ist abgelaufen, bevor sie signiert werden konnte.</translation>
    </message>
    <message>
        <source>The request is dated in the future (%1).</source>
        <translation>Die Anfrage ist in die Zukunft datiert (%1).</translation>
    </message>
    <message>
        <source>No price cap (maxPrice) for %1: Naga nodes refuse the session.</source>
        <translation>Keine Preisobergrenze (maxPrice) für %1: Naga-Knoten lehnen die Sitzung ab.</translation>
    </message>
    <message>
        <source>%1 at most %2 tokens (%3 wei)</source>
        <translation>%1 höchstens %2 Token (%3 wei)</translation>
    </message>
    <message>
        <source>Price caps per node: %1.</source>
        <translation>Preisobergrenzen je Knoten: %1.</translation>
    </message>
    <message>
        <source>%1 is not a valid ability for %2.</source>
        <translation>%1 ist keine gültige Fähigkeit für %2.</translation>
    </message>
    <message>
        <source>PKP id %1 has upper-case hex: Lit nodes name PKPs in lower case, so this session may not cover that PKP.</source>
        <translation>Die PKP-ID %1 enthält Hex-Großbuchstaben: Lit-Knoten benennen PKPs in Kleinbuchstaben, daher deckt diese Sitzung diesen PKP womöglich nicht ab.</translation>
    </message>
    <message>
        <source>PKP id %1 is read as hex and signed as %2, as the Lit SDK does. If %1 is a decimal token id, this is a different PKP.</source>
        <translation>Die PKP-ID %1 wird wie im Lit SDK als Hex gelesen und als %2 signiert. Ist %1 eine dezimale Token-ID, ist das ein anderer PKP.</translation>
    </message>
    <message>
        <source>PKP id %1 is signed as %2 (the Lit SDK&apos;s form).</source>
        <translation>Die PKP-ID %1 wird als %2 signiert (die Schreibweise des Lit SDK).</translation>
    </message>
    <message>
        <source>Covers every resource of a kind (*), not one specific resource.</source>
        <translation>Umfasst alle Ressourcen einer Art (*), nicht eine bestimmte Ressource.</translation>
    </message>
    <message>
        <source>Allows every ability (*/*) on %1.</source>
        <translation>Erlaubt jede Fähigkeit (*/*) auf %1.</translation>
    </message>
    <message>
        <source>This app is not paired with Quill.</source>
        <translation>Diese App ist nicht mit Quill gekoppelt.</translation>
    </message>
    <message>
        <source>First request from this app.</source>
        <translation>Erste Anfrage dieser App.</translation>
    </message>
    <message>
        <source>Delegation %1 cannot be verified: %2</source>
        <translation>Delegation %1 kann nicht geprüft werden: %2</translation>
    </message>
    <message>
        <source>Attaches a delegation signed by %1 (signature verified): %2.</source>
        <translation>Fügt eine von %1 signierte Delegation bei (Signatur geprüft): %2.</translation>
    </message>
    <message>
        <source>The delegation signed by %1 ends at %2, before this session (%3).</source>
        <translation>Die von %1 signierte Delegation endet am %2, vor dieser Sitzung (%3).</translation>
    </message>
    <message>
        <source> and %1 more</source>
        <translation> und %1 weitere</translation>
    </message>
    <message>
        <source>Lit network: Datil (SDK v7 format).</source>
        <translation>Lit-Netzwerk: Datil (Format des SDK v7).</translation>
    </message>
    <message>
        <source>Lit network: Naga (SDK v8 format).</source>
        <translation>Lit-Netzwerk: Naga (Format des SDK v8).</translation>
    </message>
    <message>
        <source>The app&apos;s Lit SDK wrote this message. Quill signs it exactly as shown; the app makes the per-node signatures itself with its session key %1.</source>
        <translation>Das Lit SDK der App hat diese Nachricht verfasst. Quill signiert sie genau wie angezeigt; die Signaturen für die einzelnen Knoten erstellt die App selbst mit ihrem Sitzungsschlüssel %1.</translation>
    </message>
    <message>
        <source>Chain id %1 (Lit SDKs write 1).</source>
        <translation>Chain-ID %1 (Lit SDKs schreiben 1).</translation>
    </message>
    <message>
        <source>Create a new wallet (PKP) for your Lit ChainSecured account.</source>
        <translation>Eine neue Wallet (PKP) für Ihr Lit-ChainSecured-Konto erstellen.</translation>
    </message>
    <message>
        <source>Convert a Lit account to ChainSecured, with this wallet as its owner.</source>
        <translation>Ein Lit-Konto in ChainSecured umwandeln, mit dieser Wallet als Eigentümerin.</translation>
    </message>
    <message>
        <source>Add a usage API key to your Lit ChainSecured account.</source>
        <translation>Einen Nutzungs-API-Schlüssel zu Ihrem Lit-ChainSecured-Konto hinzufügen.</translation>
    </message>
    <message>
        <source>Authorize billing operations for your Lit ChainSecured account.</source>
        <translation>Abrechnungsvorgänge für Ihr Lit-ChainSecured-Konto autorisieren.</translation>
    </message>
    <message>
        <source>Anvil (local test chain)</source>
        <translation>Anvil (lokale Test-Blockchain)</translation>
    </message>
    <message>
        <source>unknown chain</source>
        <translation>unbekannte Blockchain</translation>
    </message>
    <message>
        <source> (chain id %1)</source>
        <translation> (Chain-ID %1)</translation>
    </message>
    <message>
        <source>Valid for 5 minutes (until %1); anyone who obtains it can repeat this action in that time.</source>
        <translation>5 Minuten gültig (bis %1); wer die Signatur erhält, kann diese Aktion in dieser Zeit wiederholen.</translation>
    </message>
    <message>
        <source>Chain id 175188 is Anvil, a local test chain: Lit&apos;s production servers use Base (8453).</source>
        <translation>Chain-ID 175188 ist Anvil, eine lokale Test-Blockchain: Die Produktionsserver von Lit verwenden Base (8453).</translation>
    </message>
    <message>
        <source>Chain id %1 is not Base (8453) or Base Sepolia (84532), the chains Lit Chipotle uses.</source>
        <translation>Chain-ID %1 ist weder Base (8453) noch Base Sepolia (84532), die Blockchains, die Lit Chipotle verwendet.</translation>
    </message>
    <message>
        <source>The app calls itself &quot;%1&quot; but its web origin %2 is not a Lit Protocol domain.</source>
        <translation>Die App nennt sich „%1“, aber ihr Web-Origin %2 ist keine Domain von Lit Protocol.</translation>
    </message>
    <message>
        <source>Signs for %1 on %2: %3.</source>
        <translation>Signiert für %1 auf %2: %3.</translation>
    </message>
    <message numerus="yes">
        <source>%n Lit node(s)</source>
        <translation>
            <numerusform>%n Lit-Knoten</numerusform>
            <numerusform>%n Lit-Knoten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n host(s)</source>
        <translation>
            <numerusform>%n Host</numerusform>
            <numerusform>%n Hosts</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>quill::app</name>
    <message>
        <source>Waiting for the keyring: unlock it in the system prompt</source>
        <translation>Warte auf den Schlüsselbund: Entsperren Sie ihn in der Systemabfrage</translation>
    </message>
    <message>
        <source>Apps cannot reach Quill: %1</source>
        <translation>Apps können Quill nicht erreichen: %1</translation>
    </message>
    <message>
        <source>WebSocket for apps: %1</source>
        <translation>WebSocket für Apps: %1</translation>
    </message>
    <message>
        <source>Apps connect at %1 and ws://127.0.0.1:%2</source>
        <translation>Apps verbinden sich über %1 und ws://127.0.0.1:%2</translation>
    </message>
    <message>
        <source>Apps connect at %1</source>
        <translation>Apps verbinden sich über %1</translation>
    </message>
    <message>
        <source>No OS keychain available: Quill cannot keep keys. (%1)</source>
        <translation>Kein Schlüsselbund des Betriebssystems verfügbar: Quill kann keine Schlüssel aufbewahren. (%1)</translation>
    </message>
</context>
<context>
    <name>quill::ui::AccountsModel</name>
    <message>
        <source>Label</source>
        <translation>Bezeichnung</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Herkunft</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Hinzugefügt</translation>
    </message>
    <message>
        <source>private-key</source>
        <translation>privater Schlüssel</translation>
    </message>
    <message>
        <source>mnemonic</source>
        <translation>Wiederherstellungsphrase</translation>
    </message>
    <message>
        <source>keystore</source>
        <translation>Keystore-Datei</translation>
    </message>
    <message>
        <source>created</source>
        <translation>neu erstellt</translation>
    </message>
</context>
<context>
    <name>quill::ui::Activity</name>
    <message>
        <source>approved</source>
        <translation>genehmigt</translation>
    </message>
    <message>
        <source>remembered</source>
        <translation>automatisch genehmigt</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>abgelehnt</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>abgelaufen</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>verweigert</translation>
    </message>
    <message>
        <source>revoked</source>
        <translation>widerrufen</translation>
    </message>
    <message>
        <source>unpaired</source>
        <translation>entkoppelt</translation>
    </message>
</context>
<context>
    <name>quill::ui::ActivityModel</name>
    <message>
        <source> · until %1</source>
        <translation> · bis %1</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>App</source>
        <translation>App</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Entscheidung</translation>
    </message>
    <message>
        <source>Resources</source>
        <translation>Ressourcen</translation>
    </message>
</context>
<context>
    <name>quill::ui::ApiPrompts</name>
    <message>
        <source>Pair a new app?</source>
        <translation>Neue App koppeln?</translation>
    </message>
    <message>
        <source>Pair a new app</source>
        <translation>Neue App koppeln</translation>
    </message>
    <message>
        <source>An app on this computer asks to connect to Quill. Once paired it can ask for Lit sessions; every request still needs your approval.</source>
        <translation>Eine App auf diesem Computer möchte sich mit Quill verbinden. Nach der Kopplung kann sie Lit-Sitzungen anfragen; jede Anfrage braucht weiterhin Ihre Genehmigung.</translation>
    </message>
    <message>
        <source>It calls itself:</source>
        <translation>Sie nennt sich:</translation>
    </message>
    <message>
        <source>Description (claim):</source>
        <translation>Beschreibung (Angabe der App):</translation>
    </message>
    <message>
        <source>URL (claim):</source>
        <translation>URL (Angabe der App):</translation>
    </message>
    <message>
        <source>Facts:</source>
        <translation>Fakten:</translation>
    </message>
    <message>
        <source>Name for this app</source>
        <translation>Name für diese App</translation>
    </message>
    <message>
        <source>&amp;Name it:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Pair</source>
        <translation>&amp;Koppeln</translation>
    </message>
    <message>
        <source>Share account addresses?</source>
        <translation>Kontoadressen freigeben?</translation>
    </message>
    <message>
        <source>Share account addresses</source>
        <translation>Kontoadressen freigeben</translation>
    </message>
    <message>
        <source>“%1” asks which of your accounts it may see. Only the addresses you tick are shared.</source>
        <translation>„%1“ fragt, welche Ihrer Konten sie sehen darf. Nur die Adressen, die Sie ankreuzen, werden freigegeben.</translation>
    </message>
    <message>
        <source>&amp;Share</source>
        <translation>&amp;Freigeben</translation>
    </message>
    <message>
        <source>pair this app</source>
        <translation>diese App zu koppeln</translation>
    </message>
    <message>
        <source>share these addresses</source>
        <translation>diese Adressen freizugeben</translation>
    </message>
</context>
<context>
    <name>quill::ui::AppNames</name>
    <message>
        <source>App %1…</source>
        <translation>App %1…</translation>
    </message>
</context>
<context>
    <name>quill::ui::ApprovalDialog</name>
    <message>
        <source>Session request</source>
        <translation>Sitzungsanfrage</translation>
    </message>
    <message>
        <source>Session request approval</source>
        <translation>Genehmigung einer Sitzungsanfrage</translation>
    </message>
    <message>
        <source>Request details</source>
        <translation>Details der Anfrage</translation>
    </message>
    <message>
        <source>“%1” asks for a Lit session</source>
        <translation>„%1“ fragt nach einer Lit-Sitzung</translation>
    </message>
    <message>
        <source>Requesting app</source>
        <translation>Anfragende App</translation>
    </message>
    <message>
        <source>Name as claimed by the app (not verified)</source>
        <translation>Name laut Angabe der App (nicht geprüft)</translation>
    </message>
    <message>
        <source>via %1</source>
        <translation>über %1</translation>
    </message>
    <message>
        <source>Origin %1 (set by browsers; any local program can claim one)</source>
        <translation>Origin %1 (von Browsern gesetzt; jedes lokale Programm kann einen angeben)</translation>
    </message>
    <message>
        <source>process %1</source>
        <translation>Prozess %1</translation>
    </message>
    <message>
        <source>paired</source>
        <translation>gekoppelt</translation>
    </message>
    <message>
        <source>not paired</source>
        <translation>nicht gekoppelt</translation>
    </message>
    <message>
        <source>Facts about the app</source>
        <translation>Fakten über die App</translation>
    </message>
    <message>
        <source>I understand the dangers above and still want to approve</source>
        <translation>Ich verstehe die obigen Gefahren und möchte trotzdem genehmigen</translation>
    </message>
    <message>
        <source>Acknowledge danger warnings</source>
        <translation>Gefahrenhinweise bestätigen</translation>
    </message>
    <message>
        <source>Account that signs</source>
        <translation>Signierendes Konto</translation>
    </message>
    <message>
        <source>“%1” asks you to sign a Lit session message</source>
        <translation>„%1“ bittet Sie, eine Lit-Sitzungsnachricht zu signieren</translation>
    </message>
    <message>
        <source>The message names the account %1.</source>
        <translation>Die Nachricht nennt das Konto %1.</translation>
    </message>
    <message>
        <source>Sign with &amp;account:</source>
        <translation>Mit &amp;Konto signieren:</translation>
    </message>
    <message>
        <source>Session expiry</source>
        <translation>Ablauf der Sitzung</translation>
    </message>
    <message>
        <source>Session expires</source>
        <translation>Sitzung läuft ab</translation>
    </message>
    <message>
        <source>&amp;Expires:</source>
        <translation>&amp;Läuft ab:</translation>
    </message>
    <message>
        <source>As written in the message</source>
        <translation>Wie in der Nachricht angegeben</translation>
    </message>
    <message>
        <source>As requested</source>
        <translation>Wie angefragt</translation>
    </message>
    <message>
        <source>15 minutes</source>
        <translation>15 Minuten</translation>
    </message>
    <message>
        <source>1 hour</source>
        <translation>1 Stunde</translation>
    </message>
    <message>
        <source>1 day</source>
        <translation>1 Tag</translation>
    </message>
    <message>
        <source>7 days</source>
        <translation>7 Tage</translation>
    </message>
    <message>
        <source>Remember this app&apos;s permission for</source>
        <translation>Berechtigung dieser App merken für</translation>
    </message>
    <message>
        <source>30 days</source>
        <translation>30 Tage</translation>
    </message>
    <message>
        <source>With “Approve and remember”, later requests of this app for the same account and capabilities are signed without asking until then.</source>
        <translation>Mit „Genehmigen und merken“ werden spätere Anfragen dieser App für dasselbe Konto und dieselben Berechtigungen bis dahin ohne Rückfrage signiert.</translation>
    </message>
    <message>
        <source>Remember &amp;for:</source>
        <translation>Merken &amp;für:</translation>
    </message>
    <message>
        <source>This app will be able to</source>
        <translation>Diese App darf dann</translation>
    </message>
    <message>
        <source>Requested capabilities</source>
        <translation>Angefragte Berechtigungen</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Was</translation>
    </message>
    <message>
        <source>Resource</source>
        <translation>Ressource</translation>
    </message>
    <message>
        <source>Lit ability</source>
        <translation>Lit-Fähigkeit</translation>
    </message>
    <message>
        <source>Exact message you sign (EIP-4361)</source>
        <translation>Genaue Nachricht, die Sie signieren (EIP-4361)</translation>
    </message>
    <message>
        <source>Message to be signed</source>
        <translation>Zu signierende Nachricht</translation>
    </message>
    <message>
        <source>Lit ChainSecured authorization</source>
        <translation>Lit-ChainSecured-Autorisierung</translation>
    </message>
    <message>
        <source>Lit ChainSecured authorization approval</source>
        <translation>Genehmigung einer Lit-ChainSecured-Autorisierung</translation>
    </message>
    <message>
        <source>Time left to answer</source>
        <translation>Verbleibende Zeit für die Antwort</translation>
    </message>
    <message>
        <source>&amp;Reject</source>
        <translation>&amp;Ablehnen</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>Ablehnen</translation>
    </message>
    <message>
        <source>Approve &amp;once</source>
        <translation>&amp;Einmal genehmigen</translation>
    </message>
    <message>
        <source>Approve once</source>
        <translation>Einmal genehmigen</translation>
    </message>
    <message>
        <source>Approve and re&amp;member</source>
        <translation>Genehmigen und &amp;merken</translation>
    </message>
    <message>
        <source>Approve and remember</source>
        <translation>Genehmigen und merken</translation>
    </message>
    <message>
        <source>The message is for %1, which is not one of your accounts in Quill.</source>
        <translation>Die Nachricht ist für %1 bestimmt; das ist keines Ihrer Konten in Quill.</translation>
    </message>
    <message>
        <source>No account to sign with: import or create one first.</source>
        <translation>Kein Konto zum Signieren: Importieren oder erstellen Sie zuerst eines.</translation>
    </message>
    <message>
        <source>This request is no longer pending.</source>
        <translation>Diese Anfrage ist nicht mehr offen.</translation>
    </message>
    <message>
        <source>Signing…</source>
        <translation>Wird signiert…</translation>
    </message>
    <message>
        <source>Answer needed %1</source>
        <translation>Antwort nötig: %1</translation>
    </message>
    <message>
        <source>This request only</source>
        <translation>Nur diese Anfrage</translation>
    </message>
    <message>
        <source>approve this authorization</source>
        <translation>diese Autorisierung zu genehmigen</translation>
    </message>
    <message>
        <source>approve this request</source>
        <translation>diese Anfrage zu genehmigen</translation>
    </message>
</context>
<context>
    <name>quill::ui::AppsModel</name>
    <message>
        <source>App</source>
        <translation>App</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <source>Session key</source>
        <translation>Sitzungsschlüssel</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Seit</translation>
    </message>
</context>
<context>
    <name>quill::ui::Autostart</name>
    <message>
        <source>cannot remove %1</source>
        <translation>%1 kann nicht entfernt werden</translation>
    </message>
    <message>
        <source>cannot create %1</source>
        <translation>%1 kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>cannot write %1</source>
        <translation>%1 kann nicht geschrieben werden</translation>
    </message>
</context>
<context>
    <name>quill::ui::ChainSecuredReviewView</name>
    <message>
        <source>Lit ChainSecured authorization</source>
        <translation>Lit-ChainSecured-Autorisierung</translation>
    </message>
    <message>
        <source>Requesting app</source>
        <translation>Anfragende App</translation>
    </message>
    <message>
        <source>Facts about the app</source>
        <translation>Fakten über die App</translation>
    </message>
    <message>
        <source>I understand the dangers above and still want to approve</source>
        <translation>Ich verstehe die obigen Gefahren und möchte trotzdem genehmigen</translation>
    </message>
    <message>
        <source>Acknowledge danger warnings</source>
        <translation>Gefahrenhinweise bestätigen</translation>
    </message>
    <message>
        <source>What the signature allows</source>
        <translation>Was die Signatur erlaubt</translation>
    </message>
    <message>
        <source>Allows:</source>
        <translation>Erlaubt:</translation>
    </message>
    <message>
        <source>Chain</source>
        <translation>Blockchain</translation>
    </message>
    <message>
        <source>Chain:</source>
        <translation>Blockchain:</translation>
    </message>
    <message>
        <source>Account that signs</source>
        <translation>Signierendes Konto</translation>
    </message>
    <message>
        <source>Account:</source>
        <translation>Konto:</translation>
    </message>
    <message>
        <source>How long the signature is valid</source>
        <translation>Wie lange die Signatur gültig ist</translation>
    </message>
    <message>
        <source>Valid:</source>
        <translation>Gültig:</translation>
    </message>
    <message>
        <source>Exact data to be signed (EIP-712):</source>
        <translation>Genaue zu signierende Daten (EIP-712):</translation>
    </message>
    <message>
        <source>Exact typed data to be signed</source>
        <translation>Genaue zu signierende Typed Data</translation>
    </message>
    <message>
        <source>“%1” asks your wallet to authorize a Lit action</source>
        <translation>„%1“ bittet Ihre Wallet, eine Lit-Aktion zu autorisieren</translation>
    </message>
    <message>
        <source>Name as claimed by the app (not verified)</source>
        <translation>Name laut Angabe der App (nicht geprüft)</translation>
    </message>
    <message>
        <source>via %1</source>
        <translation>über %1</translation>
    </message>
    <message>
        <source>origin %1</source>
        <translation>Origin %1</translation>
    </message>
    <message>
        <source>process %1</source>
        <translation>Prozess %1</translation>
    </message>
    <message>
        <source>paired</source>
        <translation>gekoppelt</translation>
    </message>
    <message>
        <source>not paired</source>
        <translation>nicht gekoppelt</translation>
    </message>
</context>
<context>
    <name>quill::ui::ExportKeystoreDialog</name>
    <message>
        <source>Export keystore</source>
        <translation>Keystore exportieren</translation>
    </message>
    <message>
        <source>What is exported</source>
        <translation>Was exportiert wird</translation>
    </message>
    <message>
        <source>Save “%1” (%2) as a keystore file (JSON, Web3 Secret Storage v3) that other Ethereum wallets can import.</source>
        <translation>„%1“ (%2) als Keystore-Datei (JSON, Web3 Secret Storage v3) speichern, die andere Ethereum-Wallets importieren können.</translation>
    </message>
    <message>
        <source>Password for the file</source>
        <translation>Passwort für die Datei</translation>
    </message>
    <message>
        <source>at least %1 characters; %2 or more is better</source>
        <translation>mindestens %1 Zeichen; %2 oder mehr sind besser</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Passwort:</translation>
    </message>
    <message>
        <source>Repeat the password</source>
        <translation>Passwort wiederholen</translation>
    </message>
    <message>
        <source>&amp;Repeat:</source>
        <translation>&amp;Wiederholen:</translation>
    </message>
    <message>
        <source>Password strength</source>
        <translation>Passwortstärke</translation>
    </message>
    <message>
        <source>Short password warning</source>
        <translation>Warnung vor kurzem Passwort</translation>
    </message>
    <message>
        <source>Shorter than %1 characters: whoever gets the file can try passwords on their own computer, as fast as it allows. A longer password is safer.</source>
        <translation>Kürzer als %1 Zeichen: Wer die Datei erhält, kann auf dem eigenen Computer Passwörter durchprobieren, so schnell dieser es erlaubt. Ein längeres Passwort ist sicherer.</translation>
    </message>
    <message>
        <source>File to save</source>
        <translation>Zu speichernde Datei</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Durchsuchen…</translation>
    </message>
    <message>
        <source>Choose the file to save</source>
        <translation>Zu speichernde Datei auswählen</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>Da&amp;tei:</translation>
    </message>
    <message>
        <source>About the file</source>
        <translation>Hinweis zur Datei</translation>
    </message>
    <message>
        <source>The file is encrypted with this password. Anyone who has both the file and the password controls the account and everything it holds: keep them apart. Quill cannot recover a forgotten password.</source>
        <translation>Die Datei wird mit diesem Passwort verschlüsselt. Wer Datei und Passwort besitzt, verfügt über das Konto und alles, was es enthält: Bewahren Sie beides getrennt auf. Quill kann ein vergessenes Passwort nicht wiederherstellen.</translation>
    </message>
    <message>
        <source>Encrypting</source>
        <translation>Verschlüsselung</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Exportieren</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>Save keystore file</source>
        <translation>Keystore-Datei speichern</translation>
    </message>
    <message>
        <source>Keystore (*.json);;All files (*)</source>
        <translation>Keystore (*.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Strength: type a password</source>
        <translation>Stärke: Passwort eingeben</translation>
    </message>
    <message>
        <source>weak</source>
        <translation>schwach</translation>
    </message>
    <message>
        <source>fair</source>
        <translation>mittel</translation>
    </message>
    <message>
        <source>strong</source>
        <translation>stark</translation>
    </message>
    <message>
        <source>use at least %1 characters</source>
        <translation>mindestens %1 Zeichen verwenden</translation>
    </message>
    <message>
        <source>avoid common passwords and runs like 1234, abcd or qwerty</source>
        <translation>gängige Passwörter und Folgen wie 1234, abcd oder qwerty vermeiden</translation>
    </message>
    <message>
        <source>mix upper and lower case, digits and symbols, or make it longer</source>
        <translation>Groß- und Kleinbuchstaben, Ziffern und Sonderzeichen mischen oder es verlängern</translation>
    </message>
    <message>
        <source>Strength: %1</source>
        <translation>Stärke: %1</translation>
    </message>
    <message>
        <source>Strength: %1 — %2</source>
        <translation>Stärke: %1 — %2</translation>
    </message>
    <message>
        <source>Type a password for the file, twice.</source>
        <translation>Geben Sie zweimal ein Passwort für die Datei ein.</translation>
    </message>
    <message>
        <source>The two passwords are different. Type the password again in both fields.</source>
        <translation>Die beiden Passwörter stimmen nicht überein. Geben Sie das Passwort in beiden Feldern erneut ein.</translation>
    </message>
    <message>
        <source>The password is too short: use at least %1 characters.</source>
        <translation>Das Passwort ist zu kurz: Verwenden Sie mindestens %1 Zeichen.</translation>
    </message>
    <message>
        <source>Choose the file to save: a file name, not a folder.</source>
        <translation>Wählen Sie die zu speichernde Datei: einen Dateinamen, keinen Ordner.</translation>
    </message>
    <message>
        <source>Replace the file?</source>
        <translation>Datei ersetzen?</translation>
    </message>
    <message>
        <source>%1 already exists. Replace it with this account&apos;s keystore? What it holds now is lost.</source>
        <translation>%1 existiert bereits. Durch den Keystore dieses Kontos ersetzen? Der bisherige Inhalt geht verloren.</translation>
    </message>
    <message>
        <source>&amp;Replace</source>
        <translation>E&amp;rsetzen</translation>
    </message>
    <message>
        <source>&amp;Keep it</source>
        <translation>&amp;Behalten</translation>
    </message>
    <message>
        <source>Not exported: choose another file name, or Export again to replace it.</source>
        <translation>Nicht exportiert: Wählen Sie einen anderen Dateinamen oder ersetzen Sie die Datei mit „Exportieren“.</translation>
    </message>
    <message>
        <source>Encrypting the key (this takes a second)…</source>
        <translation>Schlüssel wird verschlüsselt (das dauert einen Moment)…</translation>
    </message>
    <message>
        <source>Not exported: %1</source>
        <translation>Nicht exportiert: %1</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>%1 gespeichert</translation>
    </message>
</context>
<context>
    <name>quill::ui::GrantsModel</name>
    <message>
        <source>App</source>
        <translation>App</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <source>Allows</source>
        <translation>Erlaubt</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Läuft ab</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation>%1 auf %2</translation>
    </message>
</context>
<context>
    <name>quill::ui::IdleLock</name>
    <message>
        <source>Enter the app password to %1.</source>
        <translation>Geben Sie das App-Passwort ein, um %1.</translation>
    </message>
    <message>
        <source>Quill was locked when the screen locked. Unlock to %1?</source>
        <translation>Quill wurde mit dem Bildschirm gesperrt. Entsperren, um %1?</translation>
    </message>
    <message>
        <source>Quill was locked after %1 minutes without input. Unlock to %2?</source>
        <translation>Quill wurde nach %1 Minuten ohne Eingabe gesperrt. Entsperren, um %2?</translation>
    </message>
    <message>
        <source>the password needs at least %1 characters</source>
        <translation>das Passwort braucht mindestens %1 Zeichen</translation>
    </message>
</context>
<context>
    <name>quill::ui::ImportWalletDialog</name>
    <message>
        <source>Add an account</source>
        <translation>Konto hinzufügen</translation>
    </message>
    <message>
        <source>How to add the account</source>
        <translation>Art des Hinzufügens</translation>
    </message>
    <message>
        <source>Private key</source>
        <translation>Privater Schlüssel</translation>
    </message>
    <message>
        <source>Recovery phrase (BIP-39)</source>
        <translation>Wiederherstellungsphrase (BIP-39)</translation>
    </message>
    <message>
        <source>Keystore file (JSON)</source>
        <translation>Keystore-Datei (JSON)</translation>
    </message>
    <message>
        <source>Create a new wallet</source>
        <translation>Neue Wallet erstellen</translation>
    </message>
    <message>
        <source>&amp;Add from:</source>
        <translation>&amp;Hinzufügen aus:</translation>
    </message>
    <message>
        <source>Account label</source>
        <translation>Kontobezeichnung</translation>
    </message>
    <message>
        <source>e.g. Main</source>
        <translation>z. B. Hauptkonto</translation>
    </message>
    <message>
        <source>&amp;Label:</source>
        <translation>&amp;Bezeichnung:</translation>
    </message>
    <message>
        <source>64 hex digits, with or without 0x</source>
        <translation>64 Hex-Ziffern, mit oder ohne 0x</translation>
    </message>
    <message>
        <source>Private &amp;key:</source>
        <translation>Privater &amp;Schlüssel:</translation>
    </message>
    <message>
        <source>Recovery phrase</source>
        <translation>Wiederherstellungsphrase</translation>
    </message>
    <message>
        <source>12 to 24 words separated by spaces</source>
        <translation>12 bis 24 Wörter, durch Leerzeichen getrennt</translation>
    </message>
    <message>
        <source>&amp;Phrase:</source>
        <translation>&amp;Wiederherstellungsphrase:</translation>
    </message>
    <message>
        <source>Optional passphrase</source>
        <translation>Optionale Passphrase</translation>
    </message>
    <message>
        <source>optional (the &quot;25th word&quot;)</source>
        <translation>optional (das „25. Wort“)</translation>
    </message>
    <message>
        <source>Pass&amp;phrase:</source>
        <translation>Zusätzliche Pass&amp;phrase:</translation>
    </message>
    <message>
        <source>&amp;Show accounts</source>
        <translation>Konten &amp;anzeigen</translation>
    </message>
    <message>
        <source>Show accounts</source>
        <translation>Konten anzeigen</translation>
    </message>
    <message>
        <source>Accounts of this phrase</source>
        <translation>Konten dieser Phrase</translation>
    </message>
    <message>
        <source>A&amp;ccount:</source>
        <translation>&amp;Konto:</translation>
    </message>
    <message>
        <source>Custom derivation path</source>
        <translation>Eigener Ableitungspfad</translation>
    </message>
    <message>
        <source>optional, e.g. m/44&apos;/60&apos;/1&apos;/0/0</source>
        <translation>optional, z. B. m/44&apos;/60&apos;/1&apos;/0/0</translation>
    </message>
    <message>
        <source>Custom pa&amp;th:</source>
        <translation>Eigener Pfa&amp;d:</translation>
    </message>
    <message>
        <source>Keystore file</source>
        <translation>Keystore-Datei</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Durchsuchen…</translation>
    </message>
    <message>
        <source>Browse for a keystore file</source>
        <translation>Keystore-Datei suchen</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>Da&amp;tei:</translation>
    </message>
    <message>
        <source>Keystore password</source>
        <translation>Keystore-Passwort</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>Pass&amp;wort:</translation>
    </message>
    <message>
        <source>Keystore (*.json);;All files (*)</source>
        <translation>Keystore (*.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Number of words</source>
        <translation>Anzahl der Wörter</translation>
    </message>
    <message>
        <source>12 words</source>
        <translation>12 Wörter</translation>
    </message>
    <message>
        <source>24 words</source>
        <translation>24 Wörter</translation>
    </message>
    <message>
        <source>&amp;Words:</source>
        <translation>&amp;Wörter:</translation>
    </message>
    <message>
        <source>New recovery phrase</source>
        <translation>Neue Wiederherstellungsphrase</translation>
    </message>
    <message>
        <source>Press Create to make a new wallet; its phrase appears here once.</source>
        <translation>Klicken Sie auf „Erstellen“, um eine neue Wallet anzulegen; ihre Phrase erscheint hier nur einmal.</translation>
    </message>
    <message>
        <source>Recovery phrase:</source>
        <translation>Wiederherstellungsphrase:</translation>
    </message>
    <message>
        <source>I have written the phrase down; Quill will not show it again</source>
        <translation>Ich habe die Phrase notiert; Quill zeigt sie nie wieder</translation>
    </message>
    <message>
        <source>I have written the phrase down</source>
        <translation>Ich habe die Phrase notiert</translation>
    </message>
    <message>
        <source>&amp;Create</source>
        <translation>&amp;Erstellen</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importieren</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importieren</translation>
    </message>
    <message>
        <source>Saving to the OS keychain…</source>
        <translation>Wird im Schlüsselbund des Betriebssystems gespeichert…</translation>
    </message>
    <message>
        <source>Added %1</source>
        <translation>%1 hinzugefügt</translation>
    </message>
    <message>
        <source>Deriving accounts…</source>
        <translation>Konten werden abgeleitet…</translation>
    </message>
    <message>
        <source>Pick an account, or give a custom path.</source>
        <translation>Wählen Sie ein Konto oder geben Sie einen eigenen Pfad an.</translation>
    </message>
    <message>
        <source>A private key is 64 hex digits (32 bytes), optionally prefixed with 0x.</source>
        <translation>Ein privater Schlüssel besteht aus 64 Hex-Ziffern (32 Byte), wahlweise mit vorangestelltem 0x.</translation>
    </message>
    <message>
        <source>Press Show accounts first, then pick one.</source>
        <translation>Klicken Sie zuerst auf „Konten anzeigen“ und wählen Sie dann eines.</translation>
    </message>
    <message>
        <source>Cannot read the keystore file: %1</source>
        <translation>Die Keystore-Datei kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Decrypting the keystore (this takes a second)…</source>
        <translation>Keystore wird entschlüsselt (das dauert einen Moment)…</translation>
    </message>
    <message>
        <source>Write these words down in order, then confirm. Address: %1</source>
        <translation>Schreiben Sie diese Wörter der Reihe nach auf und bestätigen Sie dann. Adresse: %1</translation>
    </message>
    <message>
        <source>Word check</source>
        <translation>Wortprüfung</translation>
    </message>
    <message>
        <source>To make sure your written copy is right, type these words from it. Quill saves the account only when they match.</source>
        <translation>Geben Sie diese Wörter aus Ihrer Abschrift ein, damit sicher ist, dass sie stimmt. Quill speichert das Konto erst, wenn sie übereinstimmen.</translation>
    </message>
    <message>
        <source>&amp;Next</source>
        <translation>Weite&amp;r</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>&amp;Zurück</translation>
    </message>
    <message>
        <source>Back to the words</source>
        <translation>Zurück zu den Wörtern</translation>
    </message>
    <message>
        <source>Word #%1:</source>
        <translation>Wort #%1:</translation>
    </message>
    <message>
        <source>Word #%1</source>
        <translation>Wort #%1</translation>
    </message>
    <message>
        <source>&amp;Save account</source>
        <translation>K&amp;onto speichern</translation>
    </message>
    <message>
        <source>Type words #%1, #%2 and #%3 of your phrase.</source>
        <translation>Geben Sie die Wörter #%1, #%2 und #%3 Ihrer Phrase ein.</translation>
    </message>
    <message>
        <source>Word #%1 is not the word at that position in your phrase. Check your written copy, or press Back to see the words again.</source>
        <translation>Wort #%1 ist nicht das Wort an dieser Stelle Ihrer Phrase. Prüfen Sie Ihre Abschrift oder klicken Sie auf „Zurück“, um die Wörter erneut zu sehen.</translation>
    </message>
    <message>
        <source>Words %1 are not the words at those positions in your phrase. Check your written copy, or press Back to see the words again.</source>
        <translation>Die Wörter %1 sind nicht die Wörter an diesen Stellen Ihrer Phrase. Prüfen Sie Ihre Abschrift oder klicken Sie auf „Zurück“, um die Wörter erneut zu sehen.</translation>
    </message>
    <message>
        <source>Type word %1 too.</source>
        <translation>Geben Sie auch Wort %1 ein.</translation>
    </message>
    <message>
        <source>Type words %1 too.</source>
        <translation>Geben Sie auch die Wörter %1 ein.</translation>
    </message>
</context>
<context>
    <name>quill::ui::MainWindow</name>
    <message>
        <source>Quill</source>
        <translation>Quill</translation>
    </message>
    <message>
        <source>Sections</source>
        <translation>Bereiche</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>Konten</translation>
    </message>
    <message>
        <source>Not renamed: %1</source>
        <translation>Nicht umbenannt: %1</translation>
    </message>
    <message>
        <source>&amp;Add account…</source>
        <translation>Konto &amp;hinzufügen…</translation>
    </message>
    <message>
        <source>Re&amp;name</source>
        <translation>&amp;Umbenennen</translation>
    </message>
    <message>
        <source>Change the selected account&apos;s label (F2)</source>
        <translation>Bezeichnung des ausgewählten Kontos ändern (F2)</translation>
    </message>
    <message>
        <source>&amp;Remove…</source>
        <translation>&amp;Entfernen…</translation>
    </message>
    <message>
        <source>Pending requests</source>
        <translation>Offene Anfragen</translation>
    </message>
    <message>
        <source>Re&amp;view…</source>
        <translation>&amp;Prüfen…</translation>
    </message>
    <message>
        <source>No requests waiting. When an app asks for a Lit session, its request appears here and a window opens for you to approve or reject it.</source>
        <translation>Keine offenen Anfragen. Wenn eine App nach einer Lit-Sitzung fragt, erscheint ihre Anfrage hier, und ein Fenster öffnet sich, in dem Sie sie genehmigen oder ablehnen.</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Anfragen</translation>
    </message>
    <message>
        <source>Remembered sessions</source>
        <translation>Gemerkte Sitzungen</translation>
    </message>
    <message>
        <source>Re&amp;voke</source>
        <translation>&amp;Widerrufen</translation>
    </message>
    <message>
        <source>Revoke all for this &amp;app</source>
        <translation>Alle für diese &amp;App widerrufen</translation>
    </message>
    <message>
        <source>No remembered sessions. When you answer a request with “Approve and remember”, the app&apos;s permission is listed here until it ends or you revoke it.</source>
        <translation>Keine gemerkten Sitzungen. Wenn Sie eine Anfrage mit „Genehmigen und merken“ beantworten, steht die Berechtigung der App hier, bis sie endet oder Sie sie widerrufen.</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Sitzungen</translation>
    </message>
    <message>
        <source>Apps with a session key</source>
        <translation>Apps mit Sitzungsschlüssel</translation>
    </message>
    <message>
        <source>&amp;Forget session key</source>
        <translation>Sitzungsschlüssel &amp;vergessen</translation>
    </message>
    <message>
        <source>No session keys. Quill makes one for an app and account the first time you approve its request.</source>
        <translation>Keine Sitzungsschlüssel. Quill erzeugt einen für eine App und ein Konto, wenn Sie deren Anfrage zum ersten Mal genehmigen.</translation>
    </message>
    <message>
        <source>Paired apps</source>
        <translation>Gekoppelte Apps</translation>
    </message>
    <message>
        <source>&amp;Unpair</source>
        <translation>&amp;Entkoppeln</translation>
    </message>
    <message>
        <source>No paired apps. An app pairs when it first connects to Quill; you are asked before it is listed here.</source>
        <translation>Keine gekoppelten Apps. Eine App wird gekoppelt, wenn sie sich zum ersten Mal mit Quill verbindet; Sie werden gefragt, bevor sie hier erscheint.</translation>
    </message>
    <message>
        <source>Session keys Quill keeps for them</source>
        <translation>Sitzungsschlüssel, die Quill für sie aufbewahrt</translation>
    </message>
    <message>
        <source>Apps</source>
        <translation>Apps</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>Aktivität</translation>
    </message>
    <message>
        <source>Nothing yet. Every request, approval, rejection and revocation is listed here.</source>
        <translation>Noch nichts. Jede Anfrage, Genehmigung, Ablehnung und jeder Widerruf wird hier aufgeführt.</translation>
    </message>
    <message>
        <source>Start Quill when I &amp;log in</source>
        <translation>Quill bei der &amp;Anmeldung starten</translation>
    </message>
    <message>
        <source>Quill starts in the tray when you log in, so apps find it.</source>
        <translation>Quill startet bei der Anmeldung im Infobereich, damit Apps es finden.</translation>
    </message>
    <message>
        <source>Quill will start in the tray when you log in.</source>
        <translation>Quill startet bei der Anmeldung im Infobereich.</translation>
    </message>
    <message>
        <source>Quill will not start when you log in.</source>
        <translation>Quill startet nicht bei der Anmeldung.</translation>
    </message>
    <message>
        <source>&amp;Quill</source>
        <translation>&amp;Quill</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>Recent activity</source>
        <translation>Letzte Aktivität</translation>
    </message>
    <message>
        <source>Show Quill</source>
        <translation>Quill anzeigen</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <source>Welcome</source>
        <translation>Willkommen</translation>
    </message>
    <message>
        <source>Welcome to Quill</source>
        <translation>Willkommen bei Quill</translation>
    </message>
    <message>
        <source>Quill keeps your Ethereum account&apos;s key in the OS keychain and signs Lit Protocol sessions for apps on this computer — each time only after you approve.</source>
        <translation>Quill bewahrt den Schlüssel Ihres Ethereum-Kontos im Schlüsselbund des Betriebssystems auf und signiert Lit-Protocol-Sitzungen für Apps auf diesem Computer – jedes Mal erst nach Ihrer Genehmigung.</translation>
    </message>
    <message>
        <source>&amp;Create a wallet</source>
        <translation>&amp;Wallet erstellen</translation>
    </message>
    <message>
        <source>&amp;Import a wallet</source>
        <translation>Wallet &amp;importieren</translation>
    </message>
    <message>
        <source>A new account from a new recovery phrase, shown once for you to write down</source>
        <translation>Ein neues Konto aus einer neuen Wiederherstellungsphrase, die einmal zum Aufschreiben angezeigt wird</translation>
    </message>
    <message>
        <source>From a private key, a recovery phrase or a keystore file</source>
        <translation>Aus einem privaten Schlüssel, einer Wiederherstellungsphrase oder einer Keystore-Datei</translation>
    </message>
    <message>
        <source>Requests (%1)</source>
        <translation>Anfragen (%1)</translation>
    </message>
    <message numerus="yes">
        <source>Quill — %n request(s) waiting</source>
        <translation>
            <numerusform>Quill — %n Anfrage wartet</numerusform>
            <numerusform>Quill — %n Anfragen warten</numerusform>
        </translation>
    </message>
    <message>
        <source>Quill — nothing waiting</source>
        <translation>Quill — nichts wartet</translation>
    </message>
    <message>
        <source>Quill: session request</source>
        <translation>Quill: Sitzungsanfrage</translation>
    </message>
    <message>
        <source>“%1” asks for a Lit session.</source>
        <translation>„%1“ fragt nach einer Lit-Sitzung.</translation>
    </message>
    <message>
        <source>Revoked %1&apos;s remembered session: it will ask again. Signatures already issued stay valid until they expire.</source>
        <translation>Gemerkte Sitzung von %1 widerrufen: Die App muss wieder fragen. Bereits ausgestellte Signaturen bleiben gültig, bis sie ablaufen.</translation>
    </message>
    <message>
        <source>Nothing yet</source>
        <translation>Noch nichts</translation>
    </message>
    <message>
        <source>%1  %2 — %3</source>
        <translation>%1  %2 — %3</translation>
    </message>
    <message>
        <source>Unpaired %1: it must pair again to ask. Signatures already issued stay valid until they expire.</source>
        <translation>%1 entkoppelt: Die App muss sich erneut koppeln, um zu fragen. Bereits ausgestellte Signaturen bleiben gültig, bis sie ablaufen.</translation>
    </message>
    <message>
        <source>Removed %1 from Quill.</source>
        <translation>%1 wurde aus Quill entfernt.</translation>
    </message>
    <message>
        <source>Quill keeps running</source>
        <translation>Quill läuft weiter</translation>
    </message>
    <message>
        <source>Quill keeps running in the tray, so apps can still ask you for signatures. To stop it, choose Quit in the tray menu.</source>
        <translation>Quill läuft im Infobereich weiter, damit Apps Sie weiterhin um Signaturen bitten können. Zum Beenden wählen Sie „Beenden“ im Menü des Infobereichs.</translation>
    </message>
    <message>
        <source>E&amp;xport keystore…</source>
        <translation>Keystore e&amp;xportieren…</translation>
    </message>
    <message>
        <source>Save the selected account as a password-encrypted keystore file</source>
        <translation>Ausgewähltes Konto als passwortverschlüsselte Keystore-Datei speichern</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>Ein&amp;stellungen…</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>Einstellungen…</translation>
    </message>
    <message>
        <source>Quill is locked: it will ask before the next approval or removal.</source>
        <translation>Quill ist gesperrt: Vor der nächsten Genehmigung oder Entfernung fragt es nach.</translation>
    </message>
    <message>
        <source>remove an account</source>
        <translation>ein Konto zu entfernen</translation>
    </message>
    <message>
        <source>export an account</source>
        <translation>ein Konto zu exportieren</translation>
    </message>
    <message>
        <source>Saved the keystore file %1.</source>
        <translation>Keystore-Datei %1 gespeichert.</translation>
    </message>
</context>
<context>
    <name>quill::ui::NewPasswordDialog</name>
    <message>
        <source>App password</source>
        <translation>App-Passwort</translation>
    </message>
    <message>
        <source>Set the app password</source>
        <translation>App-Passwort festlegen</translation>
    </message>
    <message>
        <source>Quill asks for this password before approving or removing anything once it has locked itself. It is kept only as a hash in the OS keychain; if you forget it, remove it there (entry “app-password” of “quill”).</source>
        <translation>Sobald Quill sich gesperrt hat, fragt es nach diesem Passwort, bevor es etwas genehmigt oder entfernt. Es wird nur als Hash im Schlüsselbund des Betriebssystems gespeichert; falls Sie es vergessen, entfernen Sie es dort (Eintrag „app-password“ von „quill“).</translation>
    </message>
    <message>
        <source>New app password</source>
        <translation>Neues App-Passwort</translation>
    </message>
    <message>
        <source>Repeat the new app password</source>
        <translation>Neues App-Passwort wiederholen</translation>
    </message>
    <message>
        <source>&amp;New password:</source>
        <translation>&amp;Neues Passwort:</translation>
    </message>
    <message>
        <source>&amp;Repeat:</source>
        <translation>&amp;Wiederholen:</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>&amp;Set password</source>
        <translation>Passwort &amp;festlegen</translation>
    </message>
    <message>
        <source>Set password</source>
        <translation>Passwort festlegen</translation>
    </message>
    <message>
        <source>At least %1 characters.</source>
        <translation>Mindestens %1 Zeichen.</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>Die beiden Passwörter stimmen nicht überein.</translation>
    </message>
</context>
<context>
    <name>quill::ui::PairedAppsModel</name>
    <message>
        <source>Called itself “%1” when it paired</source>
        <translation>Nannte sich bei der Kopplung „%1“</translation>
    </message>
    <message>
        <source>loopback WebSocket</source>
        <translation>Loopback-WebSocket</translation>
    </message>
    <message>
        <source>local socket</source>
        <translation>lokaler Socket</translation>
    </message>
    <message>
        <source>Origin %1 (set by browsers; any local program can claim one)</source>
        <translation>Origin %1 (von Browsern gesetzt; jedes lokale Programm kann einen angeben)</translation>
    </message>
    <message numerus="yes">
        <source>%n remembered session(s)</source>
        <translation>
            <numerusform>%n gemerkte Sitzung</numerusform>
            <numerusform>%n gemerkte Sitzungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n session key(s)</source>
        <translation>
            <numerusform>%n Sitzungsschlüssel</numerusform>
            <numerusform>%n Sitzungsschlüssel</numerusform>
        </translation>
    </message>
    <message>
        <source>App</source>
        <translation>App</translation>
    </message>
    <message>
        <source>Connects as</source>
        <translation>Verbindet sich als</translation>
    </message>
    <message>
        <source>Permissions</source>
        <translation>Berechtigungen</translation>
    </message>
    <message>
        <source>Last used</source>
        <translation>Zuletzt verwendet</translation>
    </message>
</context>
<context>
    <name>quill::ui::PendingModel</name>
    <message>
        <source>signing…</source>
        <translation>wird signiert…</translation>
    </message>
    <message>
        <source>App</source>
        <translation>App</translation>
    </message>
    <message>
        <source>Asks for</source>
        <translation>Fragt nach</translation>
    </message>
    <message>
        <source>Answer needed</source>
        <translation>Antwort nötig</translation>
    </message>
</context>
<context>
    <name>quill::ui::RemoveAccountDialog</name>
    <message>
        <source>Remove account</source>
        <translation>Konto entfernen</translation>
    </message>
    <message>
        <source>Remove “%1” (%2) from Quill?

Its private key is deleted from the OS keychain. Without a backup — its recovery phrase, private key or a keystore file — the account and everything it holds are lost.</source>
        <translation>„%1“ (%2) aus Quill entfernen?

Sein privater Schlüssel wird aus dem Schlüsselbund des Betriebssystems gelöscht. Ohne Sicherung – seine Wiederherstellungsphrase, seinen privaten Schlüssel oder eine Keystore-Datei – sind das Konto und alles, was es enthält, verloren.</translation>
    </message>
    <message>
        <source>To confirm, type the last %1 characters of the address (…%2):</source>
        <translation>Geben Sie zur Bestätigung die letzten %1 Zeichen der Adresse ein (…%2):</translation>
    </message>
    <message>
        <source>Last %1 characters of the address</source>
        <translation>Letzte %1 Zeichen der Adresse</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>&amp;Remove account</source>
        <translation>Konto &amp;entfernen</translation>
    </message>
</context>
<context>
    <name>quill::ui::SettingsDialog</name>
    <message>
        <source>This request only</source>
        <translation>Nur diese Anfrage</translation>
    </message>
    <message>
        <source>1 hour</source>
        <translation>1 Stunde</translation>
    </message>
    <message>
        <source>1 day</source>
        <translation>1 Tag</translation>
    </message>
    <message>
        <source>%1 days</source>
        <translation>%1 Tage</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Quill settings</source>
        <translation>Quill-Einstellungen</translation>
    </message>
    <message>
        <source>Window and start</source>
        <translation>Fenster und Start</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Design</translation>
    </message>
    <message>
        <source>System</source>
        <translation>System</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <source>System follows the desktop&apos;s light or dark preference where it says one.</source>
        <translation>„System“ folgt der hellen oder dunklen Einstellung des Desktops, sofern dieser eine angibt.</translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation>&amp;Design:</translation>
    </message>
    <message>
        <source>Start Quill when I &amp;log in</source>
        <translation>Quill bei der &amp;Anmeldung starten</translation>
    </message>
    <message>
        <source>Start Quill when I log in</source>
        <translation>Quill bei der Anmeldung starten</translation>
    </message>
    <message>
        <source>Start &amp;hidden, in the tray only</source>
        <translation>&amp;Verborgen starten, nur im Infobereich</translation>
    </message>
    <message>
        <source>Start hidden, in the tray only</source>
        <translation>Verborgen starten, nur im Infobereich</translation>
    </message>
    <message>
        <source>When Quill starts it shows only its tray icon; requests still open their window.</source>
        <translation>Beim Start zeigt Quill nur sein Symbol im Infobereich; Anfragen öffnen weiterhin ihr Fenster.</translation>
    </message>
    <message>
        <source>Browser apps</source>
        <translation>Browser-Apps</translation>
    </message>
    <message>
        <source>Allow browser apps over a &amp;WebSocket on port</source>
        <translation>Browser-Apps über &amp;WebSocket zulassen, Port</translation>
    </message>
    <message>
        <source>Allow browser apps over a WebSocket</source>
        <translation>Browser-Apps über WebSocket zulassen</translation>
    </message>
    <message>
        <source>WebSocket port</source>
        <translation>WebSocket-Port</translation>
    </message>
    <message>
        <source>Browser dApps can reach Quill only with this on (ws://127.0.0.1:port); apps on this computer always can, over Quill&apos;s local socket.</source>
        <translation>Browser-dApps erreichen Quill nur, wenn dies aktiviert ist (ws://127.0.0.1:Port); Apps auf diesem Computer immer, über Quills lokalen Socket.</translation>
    </message>
    <message>
        <source>Approvals and lock</source>
        <translation>Genehmigungen und Sperre</translation>
    </message>
    <message>
        <source>Remember approvals by default for</source>
        <translation>Genehmigungen standardmäßig merken für</translation>
    </message>
    <message>
        <source>What the approval window&apos;s “Remember for” starts at.</source>
        <translation>Voreinstellung für „Merken für“ im Genehmigungsfenster.</translation>
    </message>
    <message>
        <source>&amp;Remember approvals for:</source>
        <translation>Genehmigungen &amp;merken für:</translation>
    </message>
    <message>
        <source>Lock Quill after minutes without input</source>
        <translation>Quill nach Minuten ohne Eingabe sperren</translation>
    </message>
    <message>
        <source>After %1 minutes without input</source>
        <translation>Nach %1 Minuten ohne Eingabe</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Aus</translation>
    </message>
    <message>
        <source>Once locked (also when the screen locks), Quill asks before the next approval, pairing, address sharing or account removal.</source>
        <translation>Sobald Quill gesperrt ist (auch beim Sperren des Bildschirms), fragt es vor der nächsten Genehmigung, Kopplung, Adressfreigabe oder Kontoentfernung nach.</translation>
    </message>
    <message>
        <source>Loc&amp;k Quill:</source>
        <translation>Quill &amp;sperren:</translation>
    </message>
    <message>
        <source>Set app password</source>
        <translation>App-Passwort festlegen</translation>
    </message>
    <message>
        <source>Cl&amp;ear password</source>
        <translation>Passwort &amp;löschen</translation>
    </message>
    <message>
        <source>Clear app password</source>
        <translation>App-Passwort löschen</translation>
    </message>
    <message>
        <source>App password:</source>
        <translation>App-Passwort:</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>change the idle lock</source>
        <translation>die automatische Sperre zu ändern</translation>
    </message>
    <message>
        <source>Set: unlocking asks for it.</source>
        <translation>Festgelegt: Zum Entsperren wird es abgefragt.</translation>
    </message>
    <message>
        <source>None: unlocking asks only for a confirmation.</source>
        <translation>Keines: Zum Entsperren genügt eine Bestätigung.</translation>
    </message>
    <message>
        <source>Chan&amp;ge password…</source>
        <translation>Passwort ä&amp;ndern…</translation>
    </message>
    <message>
        <source>Set &amp;password…</source>
        <translation>&amp;Passwort festlegen…</translation>
    </message>
    <message>
        <source>Change app password</source>
        <translation>App-Passwort ändern</translation>
    </message>
    <message>
        <source>change the app password</source>
        <translation>das App-Passwort zu ändern</translation>
    </message>
    <message>
        <source>Saving in the OS keychain…</source>
        <translation>Wird im Schlüsselbund des Betriebssystems gespeichert…</translation>
    </message>
    <message>
        <source>The app password was not set: %1</source>
        <translation>Das App-Passwort wurde nicht festgelegt: %1</translation>
    </message>
    <message>
        <source>clear the app password</source>
        <translation>das App-Passwort zu löschen</translation>
    </message>
    <message>
        <source>The app password was not cleared: %1</source>
        <translation>Das App-Passwort wurde nicht gelöscht: %1</translation>
    </message>
</context>
<context>
    <name>quill::ui::UnlockDialog</name>
    <message>
        <source>Unlock Quill</source>
        <translation>Quill entsperren</translation>
    </message>
    <message>
        <source>App &amp;password:</source>
        <translation>App-&amp;Passwort:</translation>
    </message>
    <message>
        <source>App password</source>
        <translation>App-Passwort</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>&amp;Entsperren</translation>
    </message>
    <message>
        <source>&amp;Continue</source>
        <translation>&amp;Fortfahren</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Entsperren</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Fortfahren</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Wird geprüft…</translation>
    </message>
    <message>
        <source>Wrong password. Quill stays locked.</source>
        <translation>Falsches Passwort. Quill bleibt gesperrt.</translation>
    </message>
    <message>
        <source>The OS keychain is not available, so Quill cannot check the app password and stays locked. Unlock the keyring and try again. (%1)</source>
        <translation>Der Schlüsselbund des Betriebssystems ist nicht verfügbar, daher kann Quill das App-Passwort nicht prüfen und bleibt gesperrt. Entsperren Sie den Schlüsselbund und versuchen Sie es erneut. (%1)</translation>
    </message>
    <message>
        <source>The app password is no longer in the OS keychain (it was removed outside Quill), so Quill no longer asks for it. Set a new one in Settings. Continue?</source>
        <translation>Das App-Passwort ist nicht mehr im Schlüsselbund des Betriebssystems (es wurde außerhalb von Quill entfernt), daher fragt Quill nicht mehr danach. Legen Sie in den Einstellungen ein neues fest. Fortfahren?</translation>
    </message>
    <message>
        <source>Cannot check the app password: %1. Quill stays locked.</source>
        <translation>Das App-Passwort kann nicht geprüft werden: %1. Quill bleibt gesperrt.</translation>
    </message>
</context>
</TS>
