// hr.js - the HR dashboard of the report server (game/server). Plain DOM, no framework.
//
// Everything shown that came from the server is put in the page with textContent or as an
// attribute value, never as HTML, so a name like "<script>" is only ever text. The session is
// an HttpOnly cookie; every change sends the session's CSRF token in X-CSRF-Token. Finnish and
// English: texts live in T below and in data-i18n attributes of index.html.
'use strict';

(function () {
  // Texts of issue 14 (units, managers, reports, e-mail), per language.
  const EXTRA = {
    fi: {
      langName: 'Suomeksi', language: 'Kieli', ssoLogin: 'Kirjaudu työtilillä', navReports: 'Raportit', navUnits: 'Yksiköt', navMail: 'Sähköpostit',
      cfrom: 'Suoritettu alkaen', cto: 'Suoritettu asti', st_overdue: 'Myöhässä', prev: 'Edelliset', next: 'Seuraavat',
      page: (a, b, n) => `${a}–${b} / ${n}`, edit: 'Korjaa', remind: 'Muistuta', reminded: 'Muistutus lähtee sähköpostilla.',
      email: 'Sähköposti', editTitle: (n) => `Korjaa henkilön ${n} tiedot`, cancel: 'Peruuta', saved: 'Tallennettu.',
      exportedRows: (n) => `Vienti valmis: ${n} riviä.`, rowsN: (n) => `${n} riviä`,
      vRequired: 'Täytä tämä kenttä.', vEmail: 'Kirjoita sähköpostiosoite, esimerkiksi etunimi.sukunimi@hyvinvointialue.fi.',
      vRange: (min, max) => `Anna kokonaisluku ${min}–${max}.`, vShort: (n) => `Kirjoita vähintään ${n} merkkiä.`, filterNone: 'Rajaus: kaikki henkilöt', filterLabel: 'Rajaus: ',
      reportsTitle: 'Raportit', byUnit: 'Suoritusaste yksiköittäin', byMonth: 'Suoritusaste kuukausittain (aloituspäivän mukaan)',
      month: 'Kuukausi', total: 'Henkilöitä', completedCount: 'Suorittaneet', completionRate: 'Suoritusaste',
      overdue: 'Myöhässä', overdueHelp: (d) => `Myöhässä: ei suoritettu ${d} päivän kuluessa aloituspäivästä.`,
      unitsTitle: 'Yksiköt', unitsHelp: 'Yksiköt ovat lista, jota HR ylläpitää. Samaa nimeä ei voi lisätä kahdesti, kirjoitettiinpa se miten tahansa. Palvelualue voi sisältää yksiköitä.',
      unitName: 'Yksikön nimi', parent: 'Kuuluu palvelualueeseen', noParent: '(ei mihinkään)', addUnit: 'Lisää yksikkö',
      rename: 'Nimeä uudelleen', remove: 'Poista', people: 'Henkilöitä', newName: 'Uusi nimi',
      managersTitle: 'Käyttäjät ja esihenkilöt', managersHelp: 'Esihenkilö näkee vain omien yksiköidensä (ja niiden alayksiköiden) henkilöt.',
      role: 'Rooli', role_admin: 'Pääkäyttäjä', role_viewer: 'Katselija', role_manager: 'Esihenkilö', units: 'Yksiköt',
      ownEmail: 'Oma sähköposti (viikkokooste)', mailTitle: 'Sähköpostit', mailHelp: 'Jokainen lähetys ja sen tila, uusimmat ensin.',
      mailDisabled: 'Sähköposti ei ole käytössä (smtp_url puuttuu asetuksista).', recipient: 'Vastaanottaja', reason: 'Syy',
      state: 'Tila', attempts: 'Yrityksiä', error: 'Virhe', ms_queued: 'jonossa', ms_sent: 'lähetetty', ms_failed: 'epäonnistui',
      me_recipient: 'Sähköpostipalvelin ei hyväksynyt osoitetta. Tarkista henkilön sähköpostiosoite.', me_temporary: 'Sähköpostipalvelin pyysi yrittämään myöhemmin.', me_refused: 'Sähköpostipalvelin hylkäsi viestin. Pyydä ylläpitoa tarkistamaan sähköpostiasetukset.', me_unreachable: 'Sähköpostipalvelimeen ei saatu yhteyttä. Pyydä ylläpitoa tarkistamaan palvelin (smtp_url).', me_login: 'Sähköpostipalvelin ei hyväksynyt kirjautumista. Pyydä ylläpitoa tarkistamaan tunnus ja salasana (smtp_user).', me_tls: 'Suojattu yhteys sähköpostipalvelimeen epäonnistui (varmenne). Pyydä ylläpitoa tarkistamaan asetus smtp_ca_file.', me_other: 'Lähetys epäonnistui. Palvelimen vastaus alla ylläpitoa varten.', me_gone: 'Vastaanottaja on poistettu.',
      r_invitation: 'kutsu', r_not_started: 'muistutus: ei aloitettu', r_not_finished: 'muistutus: kesken', r_expiring: 'muistutus: linkki vanhenee',
      r_manual: 'muistutus', r_summary: 'viikkokooste', templatesTitle: 'Viestipohjat',
      templatesHelp: 'Paikkamerkit: {name} nimi, {link} henkilökohtainen linkki, {expires} linkin viimeinen voimassaolopäivä, {org} organisaatio, {unit} yksikkö, {summary} esihenkilön kooste, {dashboard} HR-näkymän osoite, {site} pelin palvelimen nimi (jonka lukija voi tarkistaa linkistä).',
      subject: 'Otsikko', body: 'Viestin teksti', restore: 'Palauta oletus', kind: 'Viesti', edited: 'muokattu',
      mailSent: 'Kutsu lähtee sähköpostilla.',
      dateHint: 'pp.kk.vvvv', badDate: (label, v) => `${label}: "${v}" ei ole päivämäärä. Kirjoita päivä muodossa 3.3.2025.`,
      confirmRemindNew: (n) => `Lähetetäänkö henkilölle ${n} muistutus sähköpostilla nyt? Hän saa uuden linkin, ja aiempi linkki lakkaa toimimaan.`,
      confirmRemindGo: (n) => `Lähetetäänkö henkilölle ${n} muistutus sähköpostilla nyt? Viesti kehottaa jatkamaan peliä kutsun linkistä.`,
      remindedName: (n) => `Muistutus lähtee sähköpostilla henkilölle ${n}.`, remindedDone: 'Muistutettu',
      confirmRestore: 'Palautetaanko viestipohjan oletusteksti? Muokattu teksti katoaa.',
      confirmDiscard: 'Viestipohjassa on tallentamattomia muutoksia. Hylätäänkö ne?',
      chooseFile: 'Valitse tiedosto', noFile: 'Ei valittua tiedostoa',
      importMore: (shown, n) => `Näytetään ${shown} ensimmäistä ${n} virheestä.`,
      remindAll: 'Muistuta rajattuja',
      confirmRemindAll: (n, fresh, filter) => `Lähetetäänkö muistutus sähköpostilla ${n} henkilölle? ${filter}.\n\n${fresh} heistä ei ole aloittanut: he saavat uuden linkin, ja aiempi linkki lakkaa toimimaan.\n\nTänään kutsuttuja ei muistuteta (kutsu on juuri lähtenyt), eikä ketään kahdesti samana päivänä.`,
      remindAllNone: 'Rajauksessa ei ole ketään muistutettavaa: muistuttaa voi henkilöä, jolla on sähköpostiosoite, joka ei ole suorittanut eikä ole kutsuttu tänään.',
      remindAllDone: (sent, today, failed) => `Muistutus lähtee ${sent} henkilölle.${today ? ` ${today} oli jo muistutettu tänään.` : ''}${failed ? ` ${failed} ei onnistunut; katso Sähköpostit.` : ''}`,
      noMail: 'ei sähköpostia', noMailHelp: 'Henkilöllä ei ole sähköpostiosoitetta: lisää se kohdasta Korjaa, tai anna linkki muuten.',
      noUnits: 'Sinulle ei ole vielä liitetty yksiköitä, joten et näe ketään. Pyydä pääkäyttäjää liittämään yksikkösi (Yksiköt → Käyttäjät ja esihenkilöt).',
      ie: { header: 'otsikkorivi tarvitsee sarakkeet nimi ja yksikkö', too_many_rows: 'enintään 2000 riviä tiedostossa', missing: (v) => `${v === 'name' ? 'nimi' : 'yksikkö'} puuttuu`,
        bad_text: (v) => `${v === 'name' ? 'nimi' : 'yksikkö'} on liian pitkä tai siinä on merkkejä, joita ei sallita`, bad_date: (v) => `aloituspäivä "${v}" ei ole päivämäärä (kirjoita päivä muodossa 1.3.2025)`,
        bad_email: (v) => `"${v}" ei ole sähköpostiosoite`, unknown_unit: (v) => `yksikkö "${v}" ei ole yksikkölistalla`, empty: 'tiedostossa ei ole rivejä', csv: (v) => `tiedostoa ei voi lukea: ${v}` },
      au: { invite: 'kutsu', import: 'tuonti', resend: 'uusi linkki', revoke: 'linkin peruutus', erase: 'poisto', export: 'vienti', edit: 'korjaus',
        password: 'salasanan vaihto', login: 'kirjautuminen', retention: 'säilytysajan ylittäneiden poisto', remind: 'muistutus', template: 'viestipohjan muutos',
        'unit-add': 'yksikön lisäys', 'unit-rename': 'yksikön nimen muutos', 'unit-move': 'yksikön siirto', 'unit-remove': 'yksikön poisto',
        'user-role': 'roolin muutos', 'user-units': 'esihenkilön yksiköt', 'user-email': 'käyttäjän sähköposti', 'user-add': 'käyttäjän lisäys',
        'user-remove': 'käyttäjän poisto', 'user-passwd': 'salasanan asetus', 'login-locked': 'kirjautuminen lukittu',
        'content-publish': 'sisällön julkaisu', 'content-rollback': 'sisällön palautus', 'scorm-package': 'SCORM-paketin lataus',
        'login-refused': 'työtilikirjautuminen torjuttu' },
    },
    sv: {
      langName: 'På svenska', language: 'Språk', ssoLogin: 'Logga in med arbetskontot', navReports: 'Rapporter', navUnits: 'Enheter', navMail: 'E-post',
      cfrom: 'Slutförd från', cto: 'Slutförd till', st_overdue: 'Försenad', prev: 'Föregående', next: 'Nästa',
      page: (a, b, n) => `${a}–${b} / ${n}`, edit: 'Rätta', remind: 'Påminn', reminded: 'Påminnelsen skickas per e-post.',
      email: 'E-post', editTitle: (n) => `Rätta uppgifterna för ${n}`, cancel: 'Avbryt', saved: 'Sparat.',
      exportedRows: (n) => `Exporten är klar: ${n} rader.`, rowsN: (n) => `${n} rader`,
      vRequired: 'Fyll i det här fältet.', vEmail: 'Skriv en e-postadress, till exempel fornamn.efternamn@valfardsomrade.fi.',
      vRange: (min, max) => `Ange ett heltal ${min}–${max}.`, vShort: (n) => `Skriv minst ${n} tecken.`, filterNone: 'Filter: alla personer', filterLabel: 'Filter: ',
      reportsTitle: 'Rapporter', byUnit: 'Slutförandegrad per enhet', byMonth: 'Slutförandegrad per månad (enligt startdatum)',
      month: 'Månad', total: 'Personer', completedCount: 'Slutfört', completionRate: 'Slutförandegrad',
      overdue: 'Försenade', overdueHelp: (d) => `Försenad: inte slutfört inom ${d} dagar från startdatum.`,
      unitsTitle: 'Enheter', unitsHelp: 'Enheterna är en lista som HR sköter. Samma namn kan inte läggas till två gånger, hur det än skrivs. Ett serviceområde kan innehålla enheter.',
      unitName: 'Enhetens namn', parent: 'Hör till serviceområde', noParent: '(inget)', addUnit: 'Lägg till enhet',
      rename: 'Byt namn', remove: 'Ta bort', people: 'Personer', newName: 'Nytt namn',
      managersTitle: 'Användare och chefer', managersHelp: 'En chef ser bara personerna i sina egna enheter (och deras underenheter).',
      role: 'Roll', role_admin: 'Administratör', role_viewer: 'Läsare', role_manager: 'Chef', units: 'Enheter',
      ownEmail: 'Egen e-post (veckosammandrag)', mailTitle: 'E-post', mailHelp: 'Varje utskick och dess status, nyaste först.',
      mailDisabled: 'E-post används inte (smtp_url saknas i inställningarna).', recipient: 'Mottagare', reason: 'Orsak',
      state: 'Status', attempts: 'Försök', error: 'Fel', ms_queued: 'i kö', ms_sent: 'skickat', ms_failed: 'misslyckades',
      me_recipient: 'E-postservern godtog inte adressen. Kontrollera personens e-postadress.', me_temporary: 'E-postservern bad att försöka senare.', me_refused: 'E-postservern avvisade meddelandet. Be administratören kontrollera e-postinställningarna.', me_unreachable: 'Det gick inte att nå e-postservern. Be administratören kontrollera servern (smtp_url).', me_login: 'E-postservern godtog inte inloggningen. Be administratören kontrollera användarnamn och lösenord (smtp_user).', me_tls: 'Den skyddade anslutningen till e-postservern misslyckades (certifikat). Be administratören kontrollera inställningen smtp_ca_file.', me_other: 'Sändningen misslyckades. Serverns svar nedan, för administratören.', me_gone: 'Mottagaren har tagits bort.',
      r_invitation: 'inbjudan', r_not_started: 'påminnelse: inte påbörjat', r_not_finished: 'påminnelse: inte klart', r_expiring: 'påminnelse: länken går ut',
      r_manual: 'påminnelse', r_summary: 'veckosammandrag', templatesTitle: 'Meddelandemallar',
      templatesHelp: 'Platshållare: {name} namn, {link} personlig länk, {expires} länkens sista giltighetsdag, {org} organisation, {unit} enhet, {summary} chefens sammandrag, {dashboard} HR-vyns adress, {site} spelets servernamn (som läsaren kan kontrollera i länken).',
      subject: 'Ämne', body: 'Meddelandets text', restore: 'Återställ standard', kind: 'Meddelande', edited: 'ändrad',
      mailSent: 'Inbjudan skickas per e-post.',
      dateHint: 'dd.mm.åååå', badDate: (label, v) => `${label}: "${v}" är inget datum. Skriv dagen som 3.3.2025.`,
      confirmRemindNew: (n) => `Skicka en påminnelse per e-post till ${n} nu? Hen får en ny länk, och den tidigare länken slutar fungera.`,
      confirmRemindGo: (n) => `Skicka en påminnelse per e-post till ${n} nu? Meddelandet ber hen fortsätta spelet från inbjudans länk.`,
      remindedName: (n) => `Påminnelsen skickas per e-post till ${n}.`, remindedDone: 'Påmind',
      confirmRestore: 'Återställa mallens standardtext? Den ändrade texten försvinner.',
      confirmDiscard: 'Mallen har ändringar som inte sparats. Kasta dem?',
      chooseFile: 'Välj fil', noFile: 'Ingen fil vald',
      importMore: (shown, n) => `De första ${shown} av ${n} fel visas.`,
      remindAll: 'Påminn de filtrerade',
      confirmRemindAll: (n, fresh, filter) => `Skicka en påminnelse per e-post till ${n} personer? ${filter}.\n\n${fresh} av dem har inte börjat: de får en ny länk, och den tidigare länken slutar fungera.\n\nDe som bjöds in i dag påminns inte (inbjudan har just gått), och ingen två gånger samma dag.`,
      remindAllNone: 'Ingen i filtret kan påminnas: en påminnelse går till den som har en e-postadress, inte har slutfört och inte bjöds in i dag.',
      remindAllDone: (sent, today, failed) => `Påminnelsen skickas till ${sent} personer.${today ? ` ${today} hade redan påmints i dag.` : ''}${failed ? ` ${failed} misslyckades; se E-post.` : ''}`,
      noMail: 'ingen e-post', noMailHelp: 'Personen har ingen e-postadress: lägg till den under Rätta, eller ge länken på annat sätt.',
      noUnits: 'Du har ännu inga enheter, så du ser ingen. Be administratören att koppla dina enheter till dig (Enheter → Användare och chefer).',
      ie: { header: 'rubrikraden behöver kolumnerna namn och enhet', too_many_rows: 'högst 2000 rader per fil', missing: (v) => `${v === 'name' ? 'namnet' : 'enheten'} saknas`,
        bad_text: (v) => `${v === 'name' ? 'namnet' : 'enheten'} är för långt eller har otillåtna tecken`, bad_date: (v) => `startdatumet "${v}" är inget datum (skriv dagen som 1.3.2025)`,
        bad_email: (v) => `"${v}" är ingen e-postadress`, unknown_unit: (v) => `enheten "${v}" finns inte i enhetslistan`, empty: 'filen har inga rader', csv: (v) => `filen kan inte läsas: ${v}` },
      au: { invite: 'inbjudan', import: 'import', resend: 'ny länk', revoke: 'återkallad länk', erase: 'radering', export: 'export', edit: 'rättelse',
        password: 'lösenordsbyte', login: 'inloggning', retention: 'radering efter lagringstid', remind: 'påminnelse', template: 'ändrad meddelandemall',
        'unit-add': 'ny enhet', 'unit-rename': 'enhet bytte namn', 'unit-move': 'enhet flyttad', 'unit-remove': 'enhet borttagen',
        'user-role': 'roll ändrad', 'user-units': 'chefens enheter', 'user-email': 'användarens e-post', 'user-add': 'ny användare',
        'user-remove': 'användare borttagen', 'user-passwd': 'lösenord satt', 'login-locked': 'inloggning spärrad',
        'content-publish': 'innehåll publicerat', 'content-rollback': 'innehåll återställt', 'scorm-package': 'SCORM-paket nedladdat',
        'login-refused': 'inloggning med arbetskonto nekad' },
    },
    en: {
      langName: 'In English', language: 'Language', ssoLogin: 'Sign in with your work account', navReports: 'Reports', navUnits: 'Units', navMail: 'E-mail',
      cfrom: 'Completed from', cto: 'Completed to', st_overdue: 'Overdue', prev: 'Previous', next: 'Next',
      page: (a, b, n) => `${a}–${b} of ${n}`, edit: 'Correct', remind: 'Remind', reminded: 'The reminder goes out by e-mail.',
      email: 'E-mail', editTitle: (n) => `Correct the details of ${n}`, cancel: 'Cancel', saved: 'Saved.',
      exportedRows: (n) => `Export ready: ${n} rows.`, rowsN: (n) => `${n} rows`,
      vRequired: 'Fill in this field.', vEmail: 'Write an e-mail address, for example firstname.lastname@wellbeing.fi.',
      vRange: (min, max) => `Give a whole number ${min}–${max}.`, vShort: (n) => `Write at least ${n} characters.`, filterNone: 'Filter: everyone', filterLabel: 'Filter: ',
      reportsTitle: 'Reports', byUnit: 'Completion rate by unit', byMonth: 'Completion rate by month (of the start date)',
      month: 'Month', total: 'People', completedCount: 'Completed', completionRate: 'Completion rate',
      overdue: 'Overdue', overdueHelp: (d) => `Overdue: not completed within ${d} days of the start date.`,
      unitsTitle: 'Units', unitsHelp: 'Units are a list HR keeps. The same name cannot be added twice, however it is written. A service area may contain units.',
      unitName: 'Unit name', parent: 'Belongs to service area', noParent: '(none)', addUnit: 'Add unit',
      rename: 'Rename', remove: 'Remove', people: 'People', newName: 'New name',
      managersTitle: 'Users and managers', managersHelp: 'A manager sees only the people of their own units (and their sub-units).',
      role: 'Role', role_admin: 'Admin', role_viewer: 'Viewer', role_manager: 'Manager', units: 'Units',
      ownEmail: 'Own e-mail (weekly summary)', mailTitle: 'E-mail', mailHelp: 'Every send and its state, newest first.',
      mailDisabled: 'E-mail is off (no smtp_url in the settings).', recipient: 'Recipient', reason: 'Reason',
      state: 'State', attempts: 'Attempts', error: 'Error', ms_queued: 'queued', ms_sent: 'sent', ms_failed: 'failed',
      me_recipient: 'The mail server refused the address. Check the person\'s e-mail address.', me_temporary: 'The mail server asked to try again later.', me_refused: 'The mail server refused the message. Ask the administrator to check the mail settings.', me_unreachable: 'The mail server could not be reached. Ask the administrator to check it (smtp_url).', me_login: 'The mail server refused the sign-in. Ask the administrator to check the user name and password (smtp_user).', me_tls: 'The secure connection to the mail server failed (certificate). Ask the administrator to check smtp_ca_file.', me_other: 'Sending failed. The server\'s answer, for the administrator, is below.', me_gone: 'The recipient has been removed.',
      r_invitation: 'invitation', r_not_started: 'reminder: not started', r_not_finished: 'reminder: not finished', r_expiring: 'reminder: link expiring',
      r_manual: 'reminder', r_summary: 'weekly summary', templatesTitle: 'Message templates',
      templatesHelp: 'Placeholders: {name} name, {link} personal link, {expires} last day of the link, {org} organisation, {unit} unit, {summary} the manager\'s summary, {dashboard} the dashboard\'s address, {site} the game server\'s name (which a reader can check in the link).',
      subject: 'Subject', body: 'Message text', restore: 'Restore default', kind: 'Message', edited: 'edited',
      mailSent: 'The invitation goes out by e-mail.',
      dateHint: 'dd.mm.yyyy', badDate: (label, v) => `${label}: "${v}" is not a date. Write the day as 3.3.2025.`,
      confirmRemindNew: (n) => `Send ${n} a reminder by e-mail now? They get a new link, and the earlier link stops working.`,
      confirmRemindGo: (n) => `Send ${n} a reminder by e-mail now? It asks them to continue the game from their invitation's link.`,
      remindedName: (n) => `The reminder goes out by e-mail to ${n}.`, remindedDone: 'Reminded',
      confirmRestore: 'Restore the template\'s default text? The edited text is lost.',
      confirmDiscard: 'The template has unsaved changes. Discard them?',
      chooseFile: 'Choose a file', noFile: 'No file chosen',
      importMore: (shown, n) => `Showing the first ${shown} of ${n} errors.`,
      remindAll: 'Remind those filtered',
      confirmRemindAll: (n, fresh, filter) => `Send a reminder by e-mail to ${n} people? ${filter}.\n\n${fresh} of them have not started: they get a new link, and the earlier link stops working.\n\nThose invited today are not reminded (their invitation has just gone), and nobody twice on the same day.`,
      remindAllNone: 'Nobody in this filter can be reminded: a reminder goes to someone with an e-mail address who has not completed and was not invited today.',
      remindAllDone: (sent, today, failed) => `The reminder goes out to ${sent} people.${today ? ` ${today} had been reminded today already.` : ''}${failed ? ` ${failed} failed; see E-mail.` : ''}`,
      noMail: 'no e-mail', noMailHelp: 'This person has no e-mail address: add it with Correct, or give them the link another way.',
      noUnits: 'No units are linked to you yet, so you see nobody. Ask an admin to link your units (Units → Users and managers).',
      ie: { header: 'the header row needs the columns name and unit', too_many_rows: 'at most 2000 rows per file', missing: (v) => `the ${v} is missing`,
        bad_text: (v) => `the ${v} is too long or has characters that are not allowed`, bad_date: (v) => `the start date "${v}" is not a date (write the day as 1.3.2025)`,
        bad_email: (v) => `"${v}" is not an e-mail address`, unknown_unit: (v) => `the unit "${v}" is not on the list of units`, empty: 'the file has no rows', csv: (v) => `the file cannot be read: ${v}` },
      au: { invite: 'invitation', import: 'import', resend: 'new link', revoke: 'link revoked', erase: 'erasure', export: 'export', edit: 'correction',
        password: 'password change', login: 'login', retention: 'removal after the retention time', remind: 'reminder', template: 'template changed',
        'unit-add': 'unit added', 'unit-rename': 'unit renamed', 'unit-move': 'unit moved', 'unit-remove': 'unit removed',
        'user-role': 'role changed', 'user-units': "manager's units", 'user-email': "user's e-mail", 'user-add': 'user added',
        'user-remove': 'user removed', 'user-passwd': 'password set', 'login-locked': 'login locked',
        'content-publish': 'content published', 'content-rollback': 'content rolled back', 'scorm-package': 'SCORM package downloaded',
        'login-refused': 'work-account sign-in refused' },
    },
  };
  // The game as a SCORM package for the learning platform (reports view, admins; docs/lms.md).
  Object.assign(EXTRA.fi, {
    scormTitle: 'Oppimisympäristöön (SCORM)',
    scormHelp: 'Lataa peli SCORM-pakettina ja vie se oppimisympäristöön (esimerkiksi Moodleen) aktiviteetin pakettitiedostoksi. '
      + 'Paketissa on pelin nykyinen julkaistu sisältö. Kun huoneita on julkaistu uudelleen, lataa uusi paketti ja päivitä se aktiviteettiin.',
    scormRelease: (n) => `Nyt julkaistu: julkaisu ${n}.`,
    scormLast: (n, v, at, who) => `Viimeksi ladattu paketti: julkaisu ${n} (SCORM ${v}), ${at}, ${who}.`,
    scormStale: 'Oppimisympäristön paketti on vanhempi kuin nyt julkaistu sisältö: lataa uusi paketti ja päivitä se aktiviteettiin.',
    scorm12: 'Lataa SCORM 1.2 -paketti (suositus)', scorm2004: 'Lataa SCORM 2004 -paketti',
    scormMaking: 'Pakettia tehdään…', scormDone: (f, kb) => `Ladattu: ${f} (${kb} kt).`,
    scormTooBig: 'Sisältö ei mahdu tähän SCORM-versioon: ', scormTry2004: 'Kokeile SCORM 2004 -pakettia.',
    scormContent: (n) => `Pakettia ei tehty: nyt julkaistussa sisällössä on ${n === 1 ? 'virhe' : `${n} virhettä`}, ensimmäinen: `,
    scormAskAuthors: 'Pyydä digitukihenkilöitä korjaamaan se studiossa ja julkaisemaan uudelleen; lataa paketti sitten.',
  });
  Object.assign(EXTRA.sv, {
    scormTitle: 'Till lärplattformen (SCORM)',
    scormHelp: 'Ladda ner spelet som SCORM-paket och lägg in det i lärplattformen (till exempel Moodle) som aktivitetens paketfil. '
      + 'Paketet innehåller spelets nu publicerade innehåll. När rummen har publicerats på nytt, ladda ner ett nytt paket och uppdatera aktiviteten.',
    scormRelease: (n) => `Nu publicerat: publicering ${n}.`,
    scormLast: (n, v, at, who) => `Senast nedladdade paket: publicering ${n} (SCORM ${v}), ${at}, ${who}.`,
    scormStale: 'Lärplattformens paket är äldre än det innehåll som nu är publicerat: ladda ner ett nytt paket och uppdatera aktiviteten.',
    scorm12: 'Ladda ner SCORM 1.2-paketet (rekommenderas)', scorm2004: 'Ladda ner SCORM 2004-paketet',
    scormMaking: 'Paketet görs…', scormDone: (f, kb) => `Nedladdat: ${f} (${kb} kB).`,
    scormTooBig: 'Innehållet ryms inte i den här SCORM-versionen: ', scormTry2004: 'Prova SCORM 2004-paketet.',
    scormContent: (n) => `Paketet gjordes inte: det nu publicerade innehållet har ${n === 1 ? 'ett fel' : `${n} fel`}, det första: `,
    scormAskAuthors: 'Be digistödpersonerna rätta det i studion och publicera på nytt; ladda sedan ner paketet.',
  });
  Object.assign(EXTRA.en, {
    scormTitle: 'For the learning platform (SCORM)',
    scormHelp: 'Download the game as a SCORM package and add it to your learning platform (Moodle, for example) as the activity\'s package file. '
      + 'The package holds the game\'s content as published now. When rooms have been published again, download a new package and update the activity with it.',
    scormRelease: (n) => `Published now: release ${n}.`,
    scormLast: (n, v, at, who) => `Last package downloaded: release ${n} (SCORM ${v}), ${at}, ${who}.`,
    scormStale: 'The learning platform\'s package is older than the content published now: download a new package and update the activity.',
    scorm12: 'Download the SCORM 1.2 package (recommended)', scorm2004: 'Download the SCORM 2004 package',
    scormMaking: 'Making the package…', scormDone: (f, kb) => `Downloaded: ${f} (${kb} kB).`,
    scormTooBig: 'The content does not fit this SCORM version: ', scormTry2004: 'Try the SCORM 2004 package.',
    scormContent: (n) => `No package was made: the content published now has ${n === 1 ? 'an error' : `${n} errors`}, the first: `,
    scormAskAuthors: 'Ask the digital-support volunteers to correct it in the studio and publish again; then download the package.',
  });

  const T = {
    fi: {
      skip: 'Siirry sisältöön', nav: 'Päävalikko', navPeople: 'Henkilöt', navStats: 'Huoneet ja tehtävät',
      navFeedback: 'Palaute', navVerify: 'Tarkista koodi', navInvite: 'Kutsu', navAudit: 'Tapahtumaloki',
      logout: 'Kirjaudu ulos', loginTitle: 'Kirjaudu sisään', user: 'Käyttäjätunnus',
      password: 'Salasana', login: 'Kirjaudu', passwordTitle: 'Vaihda salasana',
      passwordHelp: 'Kertakäyttöinen salasana on vaihdettava omaan. Vähintään 12 merkkiä.',
      oldPassword: 'Nykyinen salasana', newPassword: 'Uusi salasana', save: 'Tallenna', filter: 'Rajaus',
      search: 'Hae nimellä', unit: 'Yksikkö', all: 'Kaikki', status: 'Tila', st_invited: 'Kutsuttu',
      st_started: 'Aloitettu', st_completed: 'Suoritettu', st_expired: 'Vanhentunut', st_revoked: 'Peruttu',
      from: 'Aloituspäivä alkaen', to: 'Aloituspäivä asti', apply: 'Rajaa', clear: 'Tyhjennä',
      peopleTitle: 'Henkilöt', export: 'Vie CSV-tiedostoon', print: 'Tulosta', name: 'Nimi', startDate: 'Aloituspäivä',
      completedAt: 'Suoritettu', timeSpent: 'Peliaika', score: 'Pisteet', mistakesHints: 'Virheet / vihjeet', contentVersion: 'Sisältöversio',
      actions: 'Toiminnot', statsTitle: 'Huoneet ja tehtävät', chartTitle: 'Suoritukset ajan mittaan',
      roomsTitle: 'Huoneittain ja tehtävittäin', roomPuzzle: 'Huone / tehtävä', attempted: 'Yrittäneet',
      solvedCount: 'Ratkaisseet', rate: 'Ratkaisuaste', median: 'Mediaaniaika', mistakesAvg: 'Virheitä / hlö',
      hintsAvg: 'Vihjeitä / hlö', feedbackTitle: 'Oppijoiden palaute', feedbackHelp: 'Palaute näytetään ilman nimiä.',
      feedbackUnitOnly: 'Palautetta rajataan vain yksikön mukaan, ei nimen, tilan tai päivämäärien: ne voisivat paljastaa vastaajan.',
      feedbackWithheld: (n, min) => `${n} palautetta jätetty näyttämättä: yksiköistä, joissa vastaajia on alle ${min}.`,
      verifyTitle: 'Tarkista suorituskoodi', code: 'Suorituskoodi', check: 'Tarkista', inviteTitle: 'Kutsu uusi työntekijä',
      emailOpt: 'Sähköposti (vapaaehtoinen)', validDays: 'Linkki voimassa (päivää)', invite: 'Luo kutsulinkki',
      importTitle: 'Tuo CSV-tiedostosta',
      importHelp: 'Sarakkeet: nimi; yksikkö; aloituspäivä; sähköposti. Otsikkorivi on vapaaehtoinen. Excelistä: Tallenna nimellä → CSV UTF-8.',
      csvFile: 'CSV-tiedosto', import: 'Tuo ja luo linkit', auditTitle: 'Tapahtumaloki',
      auditHelp: 'Viennit, poistot, kutsut ja muut muutokset, uusimmat ensin.', when: 'Aika', action: 'Tapahtuma',
      detail: 'Tiedot',
      // messages
      summary: (n, t) => `${n} henkilöä${t ? ' (näytetään ensimmäiset)' : ''}`,
      fast: 'Epätavallisen nopea',
      fastHelp: (rooms) => `Palvelimen kellon mukaan huone ratkesi nopeammin kuin on uskottavaa: ${rooms}. Pisteet näkyvät sellaisinaan; tarkista tarvittaessa.`,
      none: 'Ei henkilöitä tällä rajauksella.', resend: 'Uusi linkki', revoke: 'Peru linkki', erase: 'Poista tiedot',
      confirmErase: (n) => `Poistetaanko henkilön ${n} kaikki tiedot pysyvästi? Tätä ei voi perua.`,
      confirmRevoke: (n) => `Perutaanko henkilön ${n} kutsulinkki?`,
      erased: 'Tiedot poistettu.', revoked: 'Linkki peruttu.', exported: (n) => `Vienti valmis.`,
      linkFor: (n) => `Kutsulinkki henkilölle ${n}:`, copy: 'Kopioi', copied: 'Kopioitu.', mail: 'Lähetä sähköpostilla',
      mailSubject: 'Perehdytyksen pakopeli', mailBody: (link) => `Hei!\n\nTervetuloa taloon. Pelaa perehdytyksen pakopeli tästä henkilökohtaisesta linkistä:\n${link}\n\nLinkki on vain sinulle.`,
      created: (n) => `Luotiin ${n} kutsulinkkiä:`, importErrors: 'Tiedostossa on virheitä; mitään ei tuotu:',
      line: 'rivi', valid: 'Koodi on voimassa.', invalid: 'Koodia ei löydy.', sessionEnded: 'Istunto päättyi. Kirjaudu uudelleen.',
      passwordSaved: 'Salasana vaihdettu.', noData: 'Ei vielä tietoja.', chartNone: 'Ei suorituksia tällä rajauksella.',
      chartCaption: (n, d) => `${n} suoritusta ${d} päivänä.`, minutes: 'min', seconds: 's', anonymous: 'anonyymi',
      rating: 'arvio', room: 'huone', busy: 'Hetki…', failed: 'Toiminto epäonnistui: ',
      ...EXTRA.fi,
    },
    en: {
      skip: 'Skip to content', nav: 'Main menu', navPeople: 'People', navStats: 'Rooms and puzzles', navFeedback: 'Feedback',
      navVerify: 'Verify a code', navInvite: 'Invite', navAudit: 'Audit log', logout: 'Log out',
      loginTitle: 'Log in', user: 'User name', password: 'Password', login: 'Log in', passwordTitle: 'Change password',
      passwordHelp: 'Replace the one-time password with your own. At least 12 characters.',
      oldPassword: 'Current password', newPassword: 'New password', save: 'Save', filter: 'Filter',
      search: 'Search by name', unit: 'Unit', all: 'All', status: 'Status', st_invited: 'Invited', st_started: 'Started',
      st_completed: 'Completed', st_expired: 'Expired', st_revoked: 'Revoked', from: 'Start date from',
      to: 'Start date to', apply: 'Filter', clear: 'Clear', peopleTitle: 'People', export: 'Export CSV', print: 'Print',
      name: 'Name', startDate: 'Start date', completedAt: 'Completed', timeSpent: 'Playing time', score: 'Score',
      mistakesHints: 'Mistakes / hints', contentVersion: 'Content version', actions: 'Actions', statsTitle: 'Rooms and puzzles',
      chartTitle: 'Completions over time', roomsTitle: 'By room and puzzle', roomPuzzle: 'Room / puzzle',
      attempted: 'Attempted', solvedCount: 'Solved', rate: 'Solve rate', median: 'Median time',
      mistakesAvg: 'Mistakes / person', hintsAvg: 'Hints / person', feedbackTitle: "Learners' feedback",
      feedbackHelp: 'Feedback is shown without names.',
      feedbackUnitOnly: 'Feedback is filtered by unit only, never by name, status or dates: they could reveal who wrote it.',
      feedbackWithheld: (n, min) => `${n} comments not shown: from units with fewer than ${min} respondents.`, verifyTitle: 'Verify a completion code', code: 'Completion code',
      check: 'Verify', inviteTitle: 'Invite a new employee', emailOpt: 'Email (optional)', validDays: 'Link valid (days)',
      invite: 'Create invitation link', importTitle: 'Import from CSV',
      importHelp: 'Columns: name; unit; start date; email. A header row is optional. From Excel: Save as → CSV UTF-8.',
      csvFile: 'CSV file', import: 'Import and create links', auditTitle: 'Audit log',
      auditHelp: 'Exports, erasures, invitations and other changes, newest first.', when: 'Time', action: 'Action',
      detail: 'Details',
      summary: (n, t) => `${n} people${t ? ' (showing the first ones)' : ''}`,
      fast: 'Unusually fast',
      fastHelp: (rooms) => `By the server's clock a room was solved faster than is plausible: ${rooms}. The score is shown as it is; check if needed.`,
      none: 'Nobody matches this filter.', resend: 'New link', revoke: 'Revoke link', erase: 'Erase data',
      confirmErase: (n) => `Erase all data of ${n} for good? This cannot be undone.`,
      confirmRevoke: (n) => `Revoke the invitation link of ${n}?`,
      erased: 'Data erased.', revoked: 'Link revoked.', exported: () => 'Export ready.',
      linkFor: (n) => `Invitation link for ${n}:`, copy: 'Copy', copied: 'Copied.', mail: 'Send by email',
      mailSubject: 'Onboarding escape room', mailBody: (link) => `Hello!\n\nWelcome aboard. Play the onboarding escape room from this personal link:\n${link}\n\nThe link is for you only.`,
      created: (n) => `Created ${n} invitation links:`, importErrors: 'The file has errors; nothing was imported:',
      line: 'line', valid: 'The code is valid.', invalid: 'No such code.', sessionEnded: 'Your session ended. Please log in again.',
      passwordSaved: 'Password changed.', noData: 'No data yet.', chartNone: 'No completions with this filter.',
      chartCaption: (n, d) => `${n} completions on ${d} days.`, minutes: 'min', seconds: 's', anonymous: 'anonymous',
      rating: 'rating', room: 'room', busy: 'One moment…', failed: 'That did not work: ',
      ...EXTRA.en,
    },
    sv: {
      skip: 'Hoppa till innehållet', nav: 'Huvudmeny', navPeople: 'Personer', navStats: 'Rum och uppgifter', navFeedback: 'Respons',
      navVerify: 'Kontrollera kod', navInvite: 'Bjud in', navAudit: 'Händelselogg', logout: 'Logga ut',
      loginTitle: 'Logga in', user: 'Användarnamn', password: 'Lösenord', login: 'Logga in', passwordTitle: 'Byt lösenord',
      passwordHelp: 'Byt engångslösenordet mot ett eget. Minst 12 tecken.',
      oldPassword: 'Nuvarande lösenord', newPassword: 'Nytt lösenord', save: 'Spara', filter: 'Filter',
      search: 'Sök på namn', unit: 'Enhet', all: 'Alla', status: 'Status', st_invited: 'Inbjuden', st_started: 'Påbörjad',
      st_completed: 'Slutförd', st_expired: 'Utgången', st_revoked: 'Återkallad', from: 'Startdatum från',
      to: 'Startdatum till', apply: 'Filtrera', clear: 'Töm', peopleTitle: 'Personer', export: 'Exportera CSV', print: 'Skriv ut',
      name: 'Namn', startDate: 'Startdatum', completedAt: 'Slutförd', timeSpent: 'Speltid', score: 'Poäng',
      mistakesHints: 'Fel / tips', contentVersion: 'Innehållsversion', actions: 'Åtgärder', statsTitle: 'Rum och uppgifter',
      chartTitle: 'Slutföranden över tid', roomsTitle: 'Per rum och uppgift', roomPuzzle: 'Rum / uppgift',
      attempted: 'Försökt', solvedCount: 'Löst', rate: 'Lösningsgrad', median: 'Mediantid',
      mistakesAvg: 'Fel / person', hintsAvg: 'Tips / person', feedbackTitle: 'Deltagarnas respons',
      feedbackHelp: 'Responsen visas utan namn.',
      feedbackUnitOnly: 'Responsen filtreras bara efter enhet, aldrig efter namn, status eller datum: de kunde avslöja vem som skrev.',
      feedbackWithheld: (n, min) => `${n} svar visas inte: från enheter med färre än ${min} svarande.`, verifyTitle: 'Kontrollera en slutförandekod', code: 'Slutförandekod',
      check: 'Kontrollera', inviteTitle: 'Bjud in en ny anställd', emailOpt: 'E-post (frivillig)', validDays: 'Länken giltig (dagar)',
      invite: 'Skapa inbjudningslänk', importTitle: 'Importera från CSV',
      importHelp: 'Kolumner: namn; enhet; startdatum; e-post. En rubrikrad är frivillig. Från Excel: Spara som → CSV UTF-8.',
      csvFile: 'CSV-fil', import: 'Importera och skapa länkar', auditTitle: 'Händelselogg',
      auditHelp: 'Exporter, raderingar, inbjudningar och andra ändringar, nyaste först.', when: 'Tid', action: 'Händelse',
      detail: 'Uppgifter',
      summary: (n, t) => `${n} personer${t ? ' (de första visas)' : ''}`,
      fast: 'Ovanligt snabb',
      fastHelp: (rooms) => `Enligt serverns klocka löstes ett rum snabbare än troligt: ${rooms}. Poängen visas som den är; kontrollera vid behov.`,
      none: 'Ingen matchar filtret.', resend: 'Ny länk', revoke: 'Återkalla länk', erase: 'Radera uppgifter',
      confirmErase: (n) => `Radera alla uppgifter om ${n} för gott? Det kan inte ångras.`,
      confirmRevoke: (n) => `Återkalla inbjudningslänken för ${n}?`,
      erased: 'Uppgifterna raderade.', revoked: 'Länken återkallad.', exported: () => 'Exporten är klar.',
      linkFor: (n) => `Inbjudningslänk för ${n}:`, copy: 'Kopiera', copied: 'Kopierad.', mail: 'Skicka per e-post',
      mailSubject: 'Introduktionens escape room', mailBody: (link) => `Hej!\n\nVälkommen. Spela introduktionens escape room från din personliga länk:\n${link}\n\nLänken är bara för dig.`,
      created: (n) => `${n} inbjudningslänkar skapade:`, importErrors: 'Filen har fel; inget importerades:',
      line: 'rad', valid: 'Koden är giltig.', invalid: 'Ingen sådan kod.', sessionEnded: 'Sessionen tog slut. Logga in igen.',
      passwordSaved: 'Lösenordet har bytts.', noData: 'Inga uppgifter ännu.', chartNone: 'Inga slutföranden med detta filter.',
      chartCaption: (n, d) => `${n} slutföranden på ${d} dagar.`, minutes: 'min', seconds: 's', anonymous: 'anonym',
      rating: 'betyg', room: 'rum', busy: 'Ett ögonblick…', failed: 'Det lyckades inte: ',
      ...EXTRA.sv,
    },
  };

  // The server's error codes a dashboard user can meet (api.c fail()), in each language;
  // a function takes the field's name (FIELDS) for a refused value.
  const ERR = {
    fi: {
      bad_login: 'Väärä käyttäjätunnus tai salasana.', too_many_attempts: 'Liian monta epäonnistunutta yritystä. Odota hetki.',
      weak_password: 'Uusi salasana on liian lyhyt (vähintään 12 merkkiä), liian yleinen tai sama kuin vanha.',
      bad_password: 'Nykyinen salasana ei täsmää.', forbidden: 'Tähän tarvitaan pääkäyttäjän oikeudet.',
      csrf: 'Lataa sivu uudelleen ja yritä sitten uudelleen.', unavailable: 'Palvelin ei juuri nyt vastaa. Yritä uudelleen.',
      bad_code: 'Suorituskoodi on muotoa PK-XXXX-XXXX-XXXX.', duplicate_unit: 'Samanniminen yksikkö on jo olemassa.',
      unit_in_use: 'Yksikössä on henkilöitä; siirrä heidät ensin toiseen yksikköön.', unit_cycle: 'Yksikkö ei voi kuulua itseensä.',
      unknown_unit: 'Yksikkö ei ole yksikkölistalla.', last_admin: 'Viimeinen pääkäyttäjä ei voi menettää oikeuksiaan.',
      reminded_today: 'Henkilöä on jo muistutettu tänään.', mail_off: 'Sähköposti ei ole käytössä tällä palvelimella.',
      cannot_remind: 'Muistuttaa voi vain henkilöä, jolla on sähköpostiosoite ja joka ei ole vielä suorittanut.',
      bad_value: (f) => `${f}: arvo ei kelpaa. Tarkista se ja yritä uudelleen.`, missing_field: (f) => `${f} puuttuu.`,
      wrong_type: (f) => `${f}: arvo ei kelpaa. Tarkista se ja yritä uudelleen.`,
      not_found: 'Sitä ei enää löydy: joku on ehkä juuri poistanut sen. Lataa sivu uudelleen.',
      password_change_required: 'Vaihda ensin oma salasanasi.', login_required: 'Istunto päättyi. Kirjaudu uudelleen.',
      internal: 'Palvelimella tapahtui virhe. Yritä uudelleen; jos virhe toistuu, kerro ylläpidolle.',
      too_many: 'Liian monta pyyntöä juuri nyt. Odota hetki ja yritä uudelleen.',
      errOther: (code) => `Palvelin ei hyväksynyt pyyntöä (virhekoodi ${code}). Lataa sivu uudelleen ja yritä uudelleen.`,
    },
    sv: {
      bad_login: 'Fel användarnamn eller lösenord.', too_many_attempts: 'För många misslyckade försök. Vänta en stund.',
      weak_password: 'Det nya lösenordet är för kort (minst 12 tecken), för vanligt eller samma som det gamla.',
      bad_password: 'Det nuvarande lösenordet stämmer inte.', forbidden: 'Det här kräver administratörsrättigheter.',
      csrf: 'Ladda om sidan och försök igen.', unavailable: 'Servern svarar inte just nu. Försök igen.',
      bad_code: 'En slutförandekod ser ut så här: PK-XXXX-XXXX-XXXX.', duplicate_unit: 'Det finns redan en enhet med det namnet.',
      unit_in_use: 'Enheten har personer; flytta dem först till en annan enhet.', unit_cycle: 'En enhet kan inte höra till sig själv.',
      unknown_unit: 'Enheten finns inte i enhetslistan.', last_admin: 'Den sista administratören kan inte förlora sin roll.',
      reminded_today: 'Personen har redan påmints i dag.', mail_off: 'E-post används inte på den här servern.',
      cannot_remind: 'Bara personer med e-postadress som inte har slutfört kan påminnas.',
      bad_value: (f) => `${f}: värdet duger inte. Kontrollera det och försök igen.`, missing_field: (f) => `${f} saknas.`,
      wrong_type: (f) => `${f}: värdet duger inte. Kontrollera det och försök igen.`,
      not_found: 'Det finns inte längre: någon har kanske just tagit bort det. Ladda om sidan.',
      password_change_required: 'Byt först till ett eget lösenord.', login_required: 'Sessionen tog slut. Logga in igen.',
      internal: 'Ett fel uppstod på servern. Försök igen; om felet upprepas, kontakta administratören.',
      too_many: 'För många förfrågningar just nu. Vänta en stund och försök igen.',
      errOther: (code) => `Servern godtog inte begäran (felkod ${code}). Ladda om sidan och försök igen.`,
    },
    en: {
      bad_login: 'Wrong user name or password.', too_many_attempts: 'Too many failed attempts. Please wait a while.',
      weak_password: 'The new password is too short (at least 12 characters), too common or the same as the old one.',
      bad_password: 'The current password does not match.', forbidden: 'This needs admin rights.',
      csrf: 'Reload the page and try again.', unavailable: 'The server does not answer just now. Try again.',
      bad_code: 'A completion code looks like this: PK-XXXX-XXXX-XXXX.', duplicate_unit: 'There is a unit of that name already.',
      unit_in_use: 'The unit has people; move them to another unit first.', unit_cycle: 'A unit cannot belong to itself.',
      unknown_unit: 'The unit is not on the list of units.', last_admin: 'The last admin cannot lose the admin role.',
      reminded_today: 'This person was reminded today already.', mail_off: 'E-mail is not set up on this server.',
      cannot_remind: 'Only people with an e-mail address who have not completed can be reminded.',
      bad_value: (f) => `${f}: the value is not valid. Check it and try again.`, missing_field: (f) => `${f} is missing.`,
      wrong_type: (f) => `${f}: the value is not valid. Check it and try again.`,
      not_found: 'It is no longer there: someone may have just removed it. Reload the page.',
      password_change_required: 'Set your own password first.', login_required: 'Your session ended. Please log in again.',
      internal: 'Something went wrong on the server. Try again; if it happens again, tell your administrator.',
      too_many: 'Too many requests just now. Wait a while and try again.',
      errOther: (code) => `The server did not accept the request (error code ${code}). Reload the page and try again.`,
    },
  };
  // The request fields an error may name, as the dashboard calls them.
  const FIELDS = {
    fi: { name: 'Nimi', unit: 'Yksikkö', email: 'Sähköposti', start_date: 'Aloituspäivä', valid_days: 'Linkki voimassa (päivää)',
      role: 'Rooli', units: 'Yksiköt', parent: 'Palvelualue', version: 'SCORM-versio', q: 'Hae nimellä', from: 'Aloituspäivä alkaen',
      to: 'Aloituspäivä asti', cfrom: 'Suoritettu alkaen', cto: 'Suoritettu asti', status: 'Tila', code: 'Suorituskoodi',
      subject: 'Otsikko', body: 'Viestin teksti', kind: 'Viesti', lang: 'Kieli', csv: 'CSV-tiedosto', new: 'Uusi salasana', old: 'Nykyinen salasana' },
    sv: { name: 'Namn', unit: 'Enhet', email: 'E-post', start_date: 'Startdatum', valid_days: 'Länken giltig (dagar)',
      role: 'Roll', units: 'Enheter', parent: 'Serviceområde', version: 'SCORM-version', q: 'Sök på namn', from: 'Startdatum från',
      to: 'Startdatum till', cfrom: 'Slutförd från', cto: 'Slutförd till', status: 'Status', code: 'Slutförandekod',
      subject: 'Ämne', body: 'Meddelandets text', kind: 'Meddelande', lang: 'Språk', csv: 'CSV-fil', new: 'Nytt lösenord', old: 'Nuvarande lösenord' },
    en: { name: 'Name', unit: 'Unit', email: 'E-mail', start_date: 'Start date', valid_days: 'Link valid (days)',
      role: 'Role', units: 'Units', parent: 'Service area', version: 'SCORM version', q: 'Search by name', from: 'Start date from',
      to: 'Start date to', cfrom: 'Completed from', cto: 'Completed to', status: 'Status', code: 'Completion code',
      subject: 'Subject', body: 'Message text', kind: 'Message', lang: 'Language', csv: 'CSV file', new: 'New password', old: 'Current password' },
  };
  for (const l of Object.keys(T)) Object.assign(T[l], { err: ERR[l], fields: FIELDS[l], errOther: ERR[l].errOther });

  const $ = (sel, root = document) => root.querySelector(sel);
  const LANGS = ['fi', 'sv', 'en'];
  let lang = localStorage.getItem('pakopeli.hr.lang') || (navigator.language || '').slice(0, 2);
  if (!LANGS.includes(lang)) lang = 'fi';
  let session = null;
  const t = (key, ...args) => { const v = T[lang][key] ?? T.fi[key]; return typeof v === 'function' ? v(...args) : v; };

  // ---- small DOM helpers: text only, never HTML ----------------------------------------------

  function el(tag, attrs = {}, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) {
      if (v === undefined || v === null || v === false) continue;
      if (k === 'class') e.className = v;
      else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
      else e.setAttribute(k, v === true ? '' : String(v));
    }
    for (const c of children) if (c !== null && c !== undefined) e.append(c instanceof Node ? c : String(c));
    return e;
  }

  // The message line. Given a function, the message is said again in the new language when the
  // user switches (an error shown in Finnish on the login page stayed Finnish after "På svenska");
  // a plain text is cleared by a switch.
  let flashAgain = null;
  function flash(text, kind = 'ok') {
    const f = $('#flash');
    f.className = kind;
    flashAgain = typeof text === 'function' ? text : null;
    f.textContent = flashAgain ? flashAgain() : text;
  }

  // Numbers and month names follow the language; dates do not: the county writes 3.3.2025 in
  // Finnish, Swedish and English alike, and that is how every date field here is typed (an
  // English dashboard once showed 03/03/2025 beside fields that take 3.3.2025). The clock is
  // 14.05 in Finnish and Swedish, 14:05 in English; the CSV export writes the same dates (api.c).
  const locale = () => ({ fi: 'fi-FI', sv: 'sv-FI', en: 'en-GB' })[lang];
  const dayText = (d) => `${d.getDate()}.${d.getMonth() + 1}.${d.getFullYear()}`;
  function fmtTime(ms) {
    if (!ms) return '';
    const d = new Date(ms), mm = String(d.getMinutes()).padStart(2, '0');
    return `${dayText(d)} ${d.getHours()}${lang === 'en' ? ':' : '.'}${mm}`;
  }
  function fmtDate(iso) {
    if (!iso) return '';
    const [y, m, d] = iso.split('-').map(Number);
    return dayText(new Date(y, m - 1, d));
  }
  // Dates are typed as a Finn writes them (3.3.2025, 3.3.25; 2025-03-03 too) in text fields: a
  // date input shows the order of the browser's own language whatever the page's, and on a work
  // laptop with an English browser that was mm/dd/yyyy, where 03/10/2025 reads as 3 October.
  // Returns the ISO date, '' for an empty field, or null when it is not a date.
  function parseDate(text) {
    const v = String(text || '').trim();
    if (!v) return '';
    let m = /^(\d{1,2})\.(\d{1,2})\.(\d{2}|\d{4})$/.exec(v), y, mo, d;
    if (m) [d, mo, y] = [m[1], m[2], m[3]].map(Number);
    else if ((m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(v))) [y, mo, d] = [m[1], m[2], m[3]].map(Number);
    else return null;
    if (y < 100) y += 2000;
    const day = new Date(Date.UTC(y, mo - 1, d));
    if (y < 1900 || day.getUTCMonth() !== mo - 1 || day.getUTCDate() !== d) return null;
    return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  }
  // What a date field takes, beside its name where it stays while one types (a placeholder went
  // away at the first key): "Aloituspäivä alkaen pp.kk.vvvv". Hidden from the field's name and
  // given as its description instead, so a screen reader says it once, after the name.
  let hintIds = 0;
  function dateHints(root = document) {
    for (const input of root.querySelectorAll('input[data-date]')) {
      const hint = input.closest('label').querySelector('.date-hint');
      if (!hint.id) hint.id = `date-hint-${++hintIds}`;
      input.setAttribute('aria-describedby', hint.id);
      hint.textContent = t('dateHint');
    }
  }
  // the field's name, without its hint, for the message that names a wrong date
  const fieldName = (input) => { const l = input.closest('label'); return l ? l.querySelector('[data-i18n]').textContent : input.name; };
  // Checks a form's date fields before it is sent: a wrong one is named, with what to write.
  function datesOk(form) {
    for (const input of form.querySelectorAll('input[data-date]')) {
      const bad = parseDate(input.value) === null;
      const label = fieldName(input);
      input.setCustomValidity(bad ? t('badDate', label, input.value.trim()) : '');
      input.setAttribute('aria-invalid', String(bad));
      if (bad) {
        const typed = input.value.trim();
        flash(() => t('badDate', fieldName(input), typed), 'error');
        input.focus();
        return false;
      }
    }
    return true;
  }
  // The browser's own message for a field it checks (required, an e-mail address, a number's range,
  // a password's length) is in the browser's language, not the dashboard's: a Swedish dashboard on
  // a Finnish work laptop said "Täytä tämä kenttä.", an English browser "Please fill out this
  // field." in Finnish. Said in the dashboard's language instead, asked again at every check (so a
  // language switch is followed); typing clears it. A date field's message is datesOk's.
  document.addEventListener('invalid', (e) => {
    const f = e.target, v = f.validity;
    if (v.customError && !f.dataset.said) return;
    const say = v.valueMissing ? t('vRequired') : v.typeMismatch && f.type === 'email' ? t('vEmail')
      : v.rangeUnderflow || v.rangeOverflow || v.badInput || v.stepMismatch ? t('vRange', f.min, f.max)
        : v.tooShort ? t('vShort', f.minLength) : '';
    if (say) { f.setCustomValidity(say); f.dataset.said = '1'; }
  }, true);
  document.addEventListener('input', (e) => {
    if (e.target.dataset && e.target.dataset.said) { e.target.setCustomValidity(''); delete e.target.dataset.said; }
  });
  // a corrected date may be sent again (a field's own message would otherwise block its form)
  document.addEventListener('input', (e) => {
    if (e.target.matches && e.target.matches('input[data-date]')) { e.target.setCustomValidity(''); e.target.removeAttribute('aria-invalid'); }
  });
  function fmtDuration(ms) {
    if (ms === null || ms === undefined) return '';
    const s = Math.round(ms / 1000), m = Math.floor(s / 60);
    return m ? `${m} ${t('minutes')} ${s % 60} ${t('seconds')}` : `${s} ${t('seconds')}`;
  }
  const fmtNum = (x, digits = 1) => (x === null || x === undefined ? '–' : x.toLocaleString(locale(), { maximumFractionDigits: digits }));
  const fmtRate = (x) => (x === null || x === undefined ? '–' : Math.round(x * 100) + ' %');

  // ---- talking to the server -----------------------------------------------------------------

  async function api(method, path, body) {
    const headers = { accept: 'application/json' };
    if (method === 'POST') {
      headers['content-type'] = 'application/json';
      if (session) headers['x-csrf-token'] = session.csrf;
    }
    let res;
    try {
      res = await fetch('/api/v1/' + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), credentials: 'same-origin' });
    } catch (e) {
      throw Object.assign(new Error(t('err').unavailable || 'unreachable'), { code: 'unavailable' });
    }
    const type = res.headers.get('content-type') || '';
    const data = type.includes('json') ? await res.json() : await res.blob();
    if (res.headers.get('x-export-rows')) data.rows = Number(res.headers.get('x-export-rows'));
    if (data instanceof Blob) { // a download: its name as the server gives it (a SCORM package's has its release)
      const m = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') || '');
      if (m) data.filename = m[1];
    }
    if (res.status === 401 && path !== 'hr/login' && path !== 'hr/session') {
      session = null;
      show('login');
      flash(t('sessionEnded'), 'error');
      throw Object.assign(new Error(t('sessionEnded')), { code: 'login_required', handled: true });
    }
    if (!res.ok) {
      const code = data && data.error ? data.error.code : 'error';
      const msg = errText(code, data && data.error && data.error.field, res.status);
      throw Object.assign(new Error(msg), { code, field: data && data.error && data.error.field, status: res.status, data });
    }
    return data;
  }

  // An error from the server in the dashboard's language: its own text for each code a user can
  // meet, the field named for a refused value, and for any other code a sentence that says so with
  // the code (for the administrator). The server's own message is English and is never shown:
  // a Swedish or Finnish user met "email: not an e-mail address" after the Finnish prefix.
  function errText(code, field, status) {
    const say = T[lang].err[code];
    if (typeof say === 'function') return say(field ? (T[lang].fields[field] || field) : '');
    if (say) return say;
    return t('errOther', code || String(status));
  }

  function failed(e) {
    // (a server error has a code of letters; a DOMException's is a number and says nothing to HR)
    if (!e.handled) flash(() => t('failed') + (typeof e.code === 'string' ? errText(e.code, e.field, e.status) : e.message), 'error');
  }

  // ---- language --------------------------------------------------------------------------------

  function applyLang() {
    document.documentElement.lang = lang;
    if (session) $('#who').textContent = `${session.user} (${t('role_' + session.role)})`;
    for (const e of document.querySelectorAll('[data-i18n]')) e.textContent = t(e.dataset.i18n);
    for (const e of document.querySelectorAll('[data-i18n-label]')) e.setAttribute('aria-label', t(e.dataset.i18nLabel));
    dateHints();
    showFileName();
    flash(flashAgain || '', flashAgain ? $('#flash').className : 'ok');
    // a button for each other language, named in that language
    $('#langs').replaceChildren(...LANGS.filter((l) => l !== lang).map((l) => el('button', {
      type: 'button', lang: l, class: 'secondary small', onclick: () => {
        lang = l;
        localStorage.setItem('pakopeli.hr.lang', lang);
        applyLang();
        if (session && !session.must_change) route();
        $('#langs button').focus();
      } }, T[l].langName)));
  }

  // ---- views -----------------------------------------------------------------------------------

  const VIEWS = ['login', 'password', 'people', 'stats', 'reports', 'feedback', 'verify', 'invite', 'units', 'mail', 'audit'];
  const FILTERED = new Set(['people', 'stats', 'reports', 'feedback']);
  const ADMIN_VIEWS = new Set(['invite', 'units', 'audit']);

  function show(name, focus = true) {
    for (const v of VIEWS) $('#view-' + v).hidden = v !== name;
    $('#filter').hidden = !FILTERED.has(name);
    const logged = session && !session.must_change;
    $('#nav').hidden = !logged;
    $('#logout').hidden = !session;
    for (const a of document.querySelectorAll('#nav a')) {
      if (a.getAttribute('href') === '#' + name) a.setAttribute('aria-current', 'page');
      else a.removeAttribute('aria-current');
    }
    for (const e of document.querySelectorAll('.admin-only')) e.hidden = !(session && session.role === 'admin');
    if (focus) { const h = $('#view-' + name + ' h1'); if (h) h.focus(); }
  }

  function filterValues() {
    const f = new FormData($('#filter'));
    const out = {};
    for (const [k, v] of f.entries()) if (String(v).trim()) out[k] = String(v).trim();
    for (const k of ['from', 'to', 'cfrom', 'cto']) if (k in out) { // as ISO; datesOk() has named a wrong one
      const iso = parseDate(out[k]);
      if (iso) out[k] = iso; else delete out[k];
    }
    return out;
  }

  // The filter in words, for the print view: a printed list says what it is a list of.
  function filterText() {
    const f = filterValues(), parts = [];
    const labels = { q: 'search', unit: 'unit', status: 'status', from: 'from', to: 'to', cfrom: 'cfrom', cto: 'cto' };
    for (const [k, v] of Object.entries(f)) {
      const shown = k === 'status' ? t('st_' + v) : ['from', 'to', 'cfrom', 'cto'].includes(k) ? fmtDate(v) : v;
      parts.push(`${t(labels[k])}: ${shown}`);
    }
    return parts.length ? t('filterLabel') + parts.join(', ') : t('filterNone');
  }
  const query = () => new URLSearchParams(filterValues()).toString();

  async function loadUnits() {
    const { units } = await api('GET', 'hr/units');
    myUnits = units;
    const sel = $('#filter select[name=unit]'), keep = sel.value, list = $('#unit-list');
    while (sel.options.length > 1) sel.remove(1);
    list.replaceChildren();
    for (const u of units) { sel.add(new Option(u, u)); list.append(el('option', { value: u })); }
    sel.value = units.includes(keep) ? keep : '';
  }

  // People --------------------------------------------------------------------------------------

  function statusBadge(s) { return el('span', { class: 'status ' + s }, t('st_' + s)); }
  // Rooms the server timed as implausibly fast (its own clock): the score stands, flagged.
  function fastBadge(p) {
    if (!p.fast || !p.fast.length) return null;
    return el('span', { class: 'status fast', title: t('fastHelp', p.fast.join(', ')) }, t('fast'));
  }

  const PAGE = 100;
  let offset = 0, myUnits = null; // the units in the filter's list: a manager's own

  // A table's cells with their column's name, for the narrow layout (hr.css table.cards): on a
  // phone or at 200 % zoom each row is a card of "label: value" lines instead of a row to scroll
  // sideways, with the status or the numbers out of sight. Called after each table is filled.
  function cardify(table) {
    const heads = [...table.tHead.rows[0].cells].filter((th) => !th.hidden).map((th) => th.textContent);
    for (const tr of table.tBodies[0].rows) {
      const cells = [...tr.cells].filter((td) => !td.hidden);
      if (cells.length === 1 && heads.length > 1) continue; // a "nothing here" line
      cells.forEach((td, i) => {
        td.dataset.label = heads[i] || '';
        td.classList.toggle('blank', !td.textContent.trim() && !td.querySelector('select, input, button'));
      });
    }
  }

  async function people() {
    const { people: rows, total } = await api('GET', `hr/people?${query()}&offset=${offset}&limit=${PAGE}`);
    const body = $('#people-table tbody');
    body.replaceChildren();
    $('#people-summary').textContent = t('summary', total, false);
    // a manager with no units sees nobody: say why and who can fix it, not "nobody matches"
    const unlinked = session.role === 'manager' && myUnits && !myUnits.length;
    if (unlinked) $('#people-summary').textContent = t('noUnits');
    $('#people-page').textContent = total > PAGE ? t('page', offset + 1, offset + rows.length, total) : '';
    $('#page-prev').hidden = $('#page-next').hidden = total <= PAGE;
    $('#page-prev').disabled = offset === 0;
    $('#page-next').disabled = offset + rows.length >= total;
    const admin = session.role === 'admin', canRemind = session.mail && session.role !== 'viewer';
    $('#people-table th.email-col').hidden = !session.emails;
    $('#remind-all').hidden = !canRemind;
    $('#people-table th.admin-only').hidden = !(admin || canRemind);
    for (const p of rows) {
      const name = el('td', {}, p.name, p.anonymous ? el('span', { class: 'summary' }, ` (${t('anonymous')})`) : null);
      const acts = el('div', { class: 'row-actions' });
      if (admin) acts.append(el('button', { type: 'button', class: 'small secondary', onclick: () => editPerson(p) }, t('edit')));
      if (canRemind && !p.anonymous && (p.status === 'invited' || p.status === 'started')) {
        // no address, no reminder: say so instead of a button that can only fail
        if (p.has_email === false) acts.append(el('span', { class: 'summary no-mail', title: t('noMailHelp') }, t('noMail')));
        else acts.append(el('button', { type: 'button', class: 'small secondary', onclick: (e) => remind(p, e.currentTarget) }, t('remind')));
      }
      if (admin && !p.anonymous && p.status !== 'completed')
        acts.append(el('button', { type: 'button', class: 'small secondary', onclick: () => resend(p) }, t('resend')));
      if (admin && (p.status === 'invited' || p.status === 'started'))
        acts.append(el('button', { type: 'button', class: 'small secondary', onclick: () => revoke(p) }, t('revoke')));
      if (admin) acts.append(el('button', { type: 'button', class: 'small danger', onclick: () => erase(p) }, t('erase')));
      body.append(el('tr', { 'data-id': p.id }, name, el('td', {}, p.unit),
        session.emails ? el('td', {}, p.email || '') : null, el('td', {}, fmtDate(p.start_date)),
        el('td', {}, statusBadge(p.status)), el('td', {}, fmtTime(p.completed)),
        el('td', {}, el('span', {}, fmtDuration(p.time_ms)), fastBadge(p)),
        el('td', { class: 'num' }, p.completed ? p.score : ''),
        el('td', { class: 'num' }, p.completed ? `${p.mistakes} / ${p.hints}` : ''),
        el('td', { class: 'num' }, p.content ? String(p.content) : ''), // the content release they played (the studio's versions)
        el('td', { class: 'no-print', hidden: !(admin || canRemind) }, acts)));
    }
    if (!rows.length) body.append(el('tr', {}, el('td', { colspan: 11 }, unlinked ? t('noUnits') : t('none'))));
    cardify($('#people-table'));
  }

  $('#page-prev').addEventListener('click', () => { offset = Math.max(0, offset - PAGE); people().catch(failed); });
  $('#page-next').addEventListener('click', () => { offset += PAGE; people().catch(failed); });

  // A correction in place: name, unit, start date, e-mail; the server writes it to the audit log.
  function editPerson(p) {
    const box = $('#link-out');
    const field = (key, label, attrs, hint) => el('label', {}, el('span', {}, el('span', { 'data-i18n': label }, t(label)),
      hint ? ' ' : null, hint ? el('span', { class: 'date-hint', 'aria-hidden': 'true' }) : null),
    el('input', { name: key, value: p[key] || '', ...attrs }));
    const form = el('form', { class: 'edit-form' },
      field('name', 'name', { required: true, maxlength: 200 }),
      field('unit', 'unit', { required: true, maxlength: 100, list: 'unit-list' }),
      field('start_date', 'startDate', { 'data-date': true, value: fmtDate(p.start_date), autocomplete: 'off', maxlength: 10 }, true),
      session.emails ? field('email', 'email', { type: 'email', maxlength: 254 }) : null,
      el('div', { class: 'actions' }, el('button', { type: 'submit' }, t('save')),
        el('button', { type: 'button', class: 'secondary', onclick: () => { box.hidden = true; } }, t('cancel'))));
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      if (!datesOk(form)) return;
      const body = Object.fromEntries(new FormData(form).entries());
      body.start_date = parseDate(body.start_date);
      try {
        await api('POST', `hr/people/${p.id}/edit`, body);
        box.hidden = true;
        flash(t('saved'));
        await Promise.all([people(), loadUnits()]);
      } catch (err) { failed(err); }
    });
    box.replaceChildren(el('h2', {}, t('editTitle', p.name)), form);
    dateHints(form);
    box.hidden = false;
    form.elements.name.focus();
  }

  // A reminder is an e-mail that cannot be taken back, and to someone who has not started it also
  // replaces their link: asked first, and the button says it is done (the server refuses a
  // second one the same day anyway).
  // Everyone in the current filter who can be reminded, after one question that says how many
  // and what happens to their links. People invited today are left out: their invitation has just
  // gone, and a reminder would replace its link. The server refuses a second reminder the same
  // day, so pressing this twice reminds nobody twice.
  $('#remind-all').addEventListener('click', async (e) => {
    const button = e.currentTarget;
    button.disabled = true;
    try {
      const all = [];
      for (let at = 0; ; at += 5000) {
        const r = await api('GET', `hr/people?${query()}&offset=${at}&limit=5000`);
        all.push(...r.people);
        if (!r.people.length || all.length >= r.total) break;
      }
      const today = new Date();
      today.setHours(0, 0, 0, 0);
      const who = all.filter((p) => !p.anonymous && (p.status === 'invited' || p.status === 'started') &&
        p.has_email !== false && !(p.invited >= today.getTime()));
      if (!who.length) { flash(t('remindAllNone'), 'error'); return; }
      if (!confirm(t('confirmRemindAll', who.length, who.filter((p) => p.status === 'invited').length, filterText()))) return;
      let sent = 0, again = 0, failedCount = 0;
      for (const p of who) {
        try { await api('POST', `hr/people/${p.id}/remind`, {}); sent++; } catch (err) {
          if (err.code === 'reminded_today') again++; else if (err.handled) throw err; else failedCount++;
        }
        flash(`${t('busy')} ${sent + again + failedCount} / ${who.length}`);
      }
      flash(t('remindAllDone', sent, again, failedCount), failedCount ? 'error' : 'ok');
    } catch (err) { failed(err); } finally { button.disabled = false; }
  });

  async function remind(p, button) {
    if (button && button.getAttribute('aria-disabled') === 'true') return;
    if (!confirm(t(p.status === 'invited' ? 'confirmRemindNew' : 'confirmRemindGo', p.name))) return;
    try {
      await api('POST', `hr/people/${p.id}/remind`, {});
      flash(t('remindedName', p.name));
      // aria-disabled, not disabled: a disabled button drops the keyboard's focus to the page's top
      if (button) { button.setAttribute('aria-disabled', 'true'); button.textContent = t('remindedDone'); }
    } catch (e) { failed(e); }
  }

  function showLink(box, person, link) {
    const url = location.origin + link;
    const mail = 'mailto:' + encodeURIComponent(person.email || '') + '?subject=' + encodeURIComponent(t('mailSubject')) +
      '&body=' + encodeURIComponent(t('mailBody', url));
    box.replaceChildren(el('p', {}, t('linkFor', person.name)), el('p', {}, el('code', {}, url)),
      el('div', { class: 'actions' },
        el('button', { type: 'button', class: 'small', onclick: async (e) => {
          try { await navigator.clipboard.writeText(url); flash(t('copied')); } catch (err) { e.target.focus(); }
        } }, t('copy')),
        el('a', { href: mail }, t('mail'))));
    box.hidden = false;
    box.focus();
  }

  async function resend(p) {
    try {
      const r = await api('POST', `hr/people/${p.id}/resend`, {});
      await people();
      showLink($('#link-out'), r, r.link);
    } catch (e) { failed(e); }
  }

  async function revoke(p) {
    if (!confirm(t('confirmRevoke', p.name))) return;
    try { await api('POST', `hr/people/${p.id}/revoke`, {}); flash(t('revoked')); await people(); } catch (e) { failed(e); }
  }

  async function erase(p) {
    if (!confirm(t('confirmErase', p.name))) return;
    try {
      await api('POST', `hr/people/${p.id}/erase`, {});
      flash(t('erased'));
      $('#link-out').hidden = true;
      await Promise.all([people(), loadUnits()]);
      $('#h-people').focus();
    } catch (e) { failed(e); }
  }

  $('#export').addEventListener('click', async () => {
    try {
      const blob = await api('POST', 'hr/export', { ...filterValues(), lang });
      const a = el('a', { href: URL.createObjectURL(blob), download: `pakopeli-${new Date().toISOString().slice(0, 10)}.csv` });
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(a.href), 10000);
      flash(blob.rows !== undefined ? t('exportedRows', blob.rows) : t('exported'));
    } catch (e) { failed(e); }
  });
  for (const b of [$('#print'), ...document.querySelectorAll('.print-button')]) b.addEventListener('click', () => window.print());

  // Which release the learning platform has, beside the one published now.
  async function scormStatus() {
    try {
      const st = await api('GET', 'hr/scorm/status');
      $('#scorm-release').textContent = t('scormRelease', st.current)
        + (st.last ? ' ' + t('scormLast', st.last.release, st.last.version, fmtTime(st.last.at), st.last.user) : '');
      const stale = $('#scorm-stale');
      stale.hidden = !(st.last && st.last.release < st.current);
      stale.textContent = stale.hidden ? '' : t('scormStale');
    } catch (e) { /* the buttons still work; the next visit says it */ }
  }

  // The SCORM package of the current release: the server makes it (scorm_pkg.c) and the linter checks
  // that a learner's resume state fits the version; a refusal names the excess.
  for (const b of document.querySelectorAll('#scorm button[data-version]')) b.addEventListener('click', async () => {
    const out = $('#scorm-out');
    out.textContent = t('scormMaking');
    b.disabled = true;
    try {
      const blob = await api('GET', 'hr/scorm?version=' + b.dataset.version);
      const name = blob.filename || `pakopeli-scorm-${b.dataset.version}.zip`;
      const a = el('a', { href: URL.createObjectURL(blob), download: name });
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(a.href), 10000);
      out.textContent = t('scormDone', name, Math.round(blob.size / 1000));
      scormStatus();
    } catch (e) {
      if (e.code === 'lint_errors') {
        // too large for the version (the linter's too-many with --scorm): the other version may
        // do. Any other error is in the content itself (a rule the linter gained after it was
        // published, say): no version helps, the volunteers must correct it.
        const errs = ((e.data && e.data.problems) || []).filter((x) => x.severity === 'error');
        const say = (p) => (p.messages && p.messages[lang]) || p.message;
        const size = errs.find((x) => x.code === 'too-many');
        if (size || !errs.length) {
          out.textContent = t('scormTooBig') + (size ? say(size) : '') + (b.dataset.version === '1.2' ? ' ' + t('scormTry2004') : '');
        } else {
          const room = /([^/]+)\.json$/.exec(errs[0].file || '');
          out.textContent = t('scormContent', errs.length) + say(errs[0]) + (room ? ` (${t('room')} ${room[1]})` : '') + '. ' + t('scormAskAuthors');
        }
      } else {
        out.textContent = '';
        failed(e);
      }
    } finally { b.disabled = false; }
  });

  // Statistics ------------------------------------------------------------------------------------

  function chart(days) {
    const box = $('#chart');
    box.replaceChildren();
    const total = days.reduce((s, d) => s + d.count, 0);
    $('#chart-caption').textContent = days.length ? t('chartCaption', total, days.length) : t('chartNone');
    if (!days.length) return;
    // one bar per day from the first to the last completion, empty days included
    const start = new Date(days[0].date + 'T12:00:00'), end = new Date(days[days.length - 1].date + 'T12:00:00');
    const byDay = new Map(days.map((d) => [d.date, d.count]));
    const all = [];
    for (let d = new Date(start); d <= end && all.length < 400; d.setDate(d.getDate() + 1)) {
      const key = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
      all.push({ date: key, count: byDay.get(key) || 0 });
    }
    // drawn at the frame's own width: an 800-wide drawing shrunk onto a phone made its text 4 px
    const W = Math.max(300, Math.min(800, box.clientWidth || 800)), H = 190, pad = 28, max = Math.max(...all.map((d) => d.count));
    const NS = 'http://www.w3.org/2000/svg';
    const svg = document.createElementNS(NS, 'svg');
    svg.setAttribute('viewBox', `0 0 ${W} ${H}`);
    svg.setAttribute('role', 'img');
    svg.setAttribute('aria-label', t('chartTitle') + ': ' + $('#chart-caption').textContent);
    const add = (tag, attrs, text) => {
      const e = document.createElementNS(NS, tag);
      for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
      if (text !== undefined) e.textContent = text;
      svg.append(e);
      return e;
    };
    const bw = (W - pad * 2) / all.length;
    add('line', { class: 'axis', x1: pad, y1: H - pad, x2: W - pad, y2: H - pad });
    add('text', { x: 2, y: pad, 'text-anchor': 'start' }, String(max));
    all.forEach((d, i) => {
      const h = max ? ((H - pad * 2) * d.count) / max : 0;
      const r = add('rect', { class: 'bar-rect', x: pad + i * bw + bw * 0.1, y: H - pad - h, width: Math.max(bw * 0.8, 1), height: h });
      const title = document.createElementNS(NS, 'title');
      title.textContent = `${fmtDate(d.date)}: ${d.count}`;
      r.append(title);
    });
    add('text', { x: pad, y: H - 8, 'text-anchor': 'start' }, fmtDate(all[0].date));
    add('text', { x: W - pad, y: H - 8, 'text-anchor': 'end' }, fmtDate(all[all.length - 1].date));
    box.append(svg);
  }

  async function stats() {
    const s = await api('GET', 'hr/stats?' + query());
    chart(s.completions);
    const body = $('#stats-table tbody');
    body.replaceChildren();
    const row = (cls, label, a) => el('tr', { class: cls }, el('td', {}, label), el('td', { class: 'num' }, a.attempted),
      el('td', { class: 'num' }, a.solved), el('td', { class: 'num' }, fmtRate(a.rate)),
      el('td', { class: 'num' }, a.median_ms === null ? '–' : fmtDuration(a.median_ms)),
      el('td', { class: 'num' }, fmtNum(a.mistakes_avg)), el('td', { class: 'num' }, fmtNum(a.hints_avg)));
    for (const r of s.rooms) {
      body.append(row('room', r.title[lang] || r.id, r));
      for (const p of r.puzzles) {
        const prompt = p.prompt[lang] || p.id;
        body.append(row('puzzle', prompt.length > 90 ? prompt.slice(0, 88) + '…' : prompt, p));
      }
    }
    if (!s.rooms.length) body.append(el('tr', {}, el('td', { colspan: 7 }, t('noData'))));
    cardify($('#stats-table'));
  }

  // Feedback, verification, audit --------------------------------------------------------------------

  async function feedback() {
    const { feedback: rows, withheld, min_respondents: min, filter_ignored: ignored } = await api('GET', 'hr/feedback?' + query());
    const list = $('#feedback-list');
    list.replaceChildren();
    // the server never filters feedback by person, and holds back units with few respondents
    if (ignored) list.append(el('li', { class: 'summary' }, t('feedbackUnitOnly')));
    if (withheld) list.append(el('li', { class: 'summary' }, t('feedbackWithheld', withheld, min)));
    for (const f of rows) {
      const meta = [fmtTime(f.at), f.unit, f.room ? `${t('room')}: ${f.room}` : '', f.rating ? `${t('rating')}: ${f.rating}/5` : '']
        .filter(Boolean).join(' · ');
      list.append(el('li', {}, el('div', { class: 'meta' }, meta), el('p', { class: 'text' }, f.text)));
    }
    if (!rows.length) list.append(el('li', {}, t('noData')));
  }

  $('#verify-form').addEventListener('submit', async (e) => {
    e.preventDefault();
    const out = $('#verify-out');
    const code = new FormData(e.target).get('code');
    out.className = 'result';
    try {
      const r = await api('GET', 'hr/verify?code=' + encodeURIComponent(code));
      const p = r.person;
      out.className = 'result valid';
      out.replaceChildren(el('p', {}, el('strong', {}, t('valid')), ' ', el('code', {}, r.code)),
        el('p', {}, `${p.name} · ${p.unit} · ${t('completedAt')} ${fmtTime(p.completed)} · ${t('score')} ${p.score}`),
        ...(p.fast && p.fast.length ? [el('p', {}, fastBadge(p), ' ', t('fastHelp', p.fast.join(', ')))] : []));
    } catch (err) {
      if (err.status === 404) { out.className = 'result invalid'; out.replaceChildren(el('p', {}, t('invalid'))); }
      else { out.replaceChildren(); failed(err); }
    }
    out.focus();
  });

  // The server writes an entry's details in English, as a log for the record: its common phrases
  // are said in the dashboard's language here (names, units and values stay as they were).
  const DETAIL = {
    fi: [[/person #(\d+)/g, 'henkilö nro $1'], [/^(\d+) people from CSV$/, '$1 henkilöä CSV-tiedostosta'],
      [/^changed own password$/, 'vaihtoi oman salasanansa'], [/^too many failed logins$/, 'liian monta epäonnistunutta kirjautumista'],
      [/^work account$/, 'työtili'], [/^(\d+) rows; /, '$1 riviä; '], [/^(\d+) people older than (\d+) days removed$/, '$1 henkilöä, joiden tiedot yli $2 päivää vanhoja, poistettu'],
      [/^SCORM (\S+), release (\d+), (\d+) bytes$/, 'SCORM $1, julkaisu $2, $3 tavua'], [/; (name|unit|start_date|email) changed/g, (m, f) => `; ${{ name: 'nimi', unit: 'yksikkö', start_date: 'aloituspäivä', email: 'sähköposti' }[f]} muuttui`],
      [/; unit: /g, '; yksikkö: '], [/; start_date: /g, '; aloituspäivä: '], [/ under #(\d+)/, ' palvelualueen nro $1 alle']],
    sv: [[/person #(\d+)/g, 'person nr $1'], [/^(\d+) people from CSV$/, '$1 personer från CSV'],
      [/^changed own password$/, 'bytte sitt lösenord'], [/^too many failed logins$/, 'för många misslyckade inloggningar'],
      [/^work account$/, 'arbetskonto'], [/^(\d+) rows; /, '$1 rader; '], [/^(\d+) people older than (\d+) days removed$/, '$1 personer äldre än $2 dagar raderade'],
      [/^SCORM (\S+), release (\d+), (\d+) bytes$/, 'SCORM $1, publicering $2, $3 byte'], [/; (name|unit|start_date|email) changed/g, (m, f) => `; ${{ name: 'namnet', unit: 'enheten', start_date: 'startdatumet', email: 'e-posten' }[f]} ändrades`],
      [/; unit: /g, '; enhet: '], [/; start_date: /g, '; startdatum: '], [/ under #(\d+)/, ' under serviceområde nr $1']],
  };
  // and its dates as the dashboard writes them (the log has them as the database does, 2025-03-04)
  // An export's detail is the filter it used, "7 rows; unit=Ward 7 status= from=2025-03-01 ...":
  // said as the print view says a filter ("5 riviä; Rajaus: Yksikkö: Ward 7, ...").
  const FILTER_KEYS = { unit: 'unit', status: 'status', from: 'from', to: 'to', cfrom: 'cfrom', cto: 'cto', q: 'search' };
  function exportDetail(text) {
    const m = /^(\d+) rows; (unit=.*)$/.exec(text || '');
    if (!m) return null;
    const parts = [];
    for (const [, k, v] of m[2].matchAll(/(unit|status|from|to|cfrom|cto|q)=(.*?)(?= (?:status|from|to|cfrom|cto|q)=|$)/g)) {
      if (!v) continue;
      const shown = k === 'status' ? t('st_' + v) : ['from', 'to', 'cfrom', 'cto'].includes(k) ? fmtDate(v) : v;
      parts.push(`${t(FILTER_KEYS[k])}: ${shown}`);
    }
    return `${t('rowsN', Number(m[1]))}; ${parts.length ? t('filterLabel') + parts.join(', ') : t('filterNone')}`;
  }
  const sayDetail = (text) => exportDetail(text) || (DETAIL[lang] || []).reduce((s, [re, to]) => s.replace(re, to), text || '')
    .replace(/\b(\d{4}-\d{2}-\d{2})\b/g, (m, iso) => fmtDate(iso));
  // who did it, when it was not an account: the server's own names for itself
  const BY = { fi: { '(command line)': '(komentorivi)', '(retention)': '(säilytysaika)', '(work account)': '(työtili)' },
    sv: { '(command line)': '(kommandoraden)', '(retention)': '(lagringstid)', '(work account)': '(arbetskonto)' } };
  const sayBy = (user) => (BY[lang] || {})[user] || user;

  async function audit() {
    const { audit: rows } = await api('GET', 'hr/audit');
    const body = $('#audit-table tbody');
    const au = T[lang].au || {};
    body.replaceChildren(...rows.map((a) => el('tr', {}, el('td', {}, fmtTime(a.at)), el('td', {}, sayBy(a.user)),
      el('td', {}, au[a.action] || a.action), el('td', {}, sayDetail(a.detail)))));
    cardify($('#audit-table'));
  }

  // Reports --------------------------------------------------------------------------------------------

  function rateTable(sel, rows, label) {
    const body = $(sel + ' tbody');
    body.replaceChildren(...rows.map((r) => el('tr', {}, el('td', {}, label(r.key)), el('td', { class: 'num' }, r.total),
      el('td', { class: 'num' }, r.completed), el('td', { class: 'num' }, fmtRate(r.rate)), el('td', { class: 'num' }, r.overdue))));
    if (!rows.length) body.append(el('tr', {}, el('td', { colspan: 5 }, t('noData'))));
    cardify($(sel));
  }

  async function reports() {
    if (session && session.role === 'admin') scormStatus();
    const r = await api('GET', 'hr/report?' + query());
    $('#overdue-help').textContent = t('overdueHelp', r.overdue_days);
    rateTable('#report-units', r.units, (k) => k);
    rateTable('#report-months', r.months, (k) => {
      const [y, m] = k.split('-').map(Number);
      return new Intl.DateTimeFormat(locale(), { year: 'numeric', month: 'long' }).format(new Date(y, m - 1, 1));
    });
  }

  // Units and managers (admin) --------------------------------------------------------------------------

  async function unitsView() {
    const [{ list }, { users }] = await Promise.all([api('GET', 'hr/units'), api('GET', 'hr/users')]);
    const byId = new Map(list.map((u) => [u.id, u]));
    const parentSelect = (u) => {
      const sel = el('select', { 'aria-label': `${t('parent')}: ${u ? u.name : ''}` }, el('option', { value: '' }, t('noParent')));
      for (const o of list) if (!u || o.id !== u.id) sel.add(new Option(o.name, o.id));
      sel.value = u && u.parent ? String(u.parent) : '';
      return sel;
    };
    const body = $('#units-table tbody');
    body.replaceChildren(...list.map((u) => {
      const sel = parentSelect(u);
      sel.addEventListener('change', async () => {
        try { await api('POST', `hr/units/${u.id}`, { parent: sel.value ? Number(sel.value) : null }); flash(t('saved')); await unitsView(); } catch (e) { failed(e); }
      });
      const renameBtn = el('button', { type: 'button', class: 'small secondary', onclick: async () => {
        const name = prompt(t('newName'), u.name);
        if (!name || name === u.name) return;
        try { await api('POST', `hr/units/${u.id}`, { name }); flash(t('saved')); await Promise.all([unitsView(), loadUnits()]); } catch (e) { failed(e); }
      } }, t('rename'));
      const removeBtn = el('button', { type: 'button', class: 'small danger', disabled: u.people > 0, onclick: async () => {
        try { await api('POST', `hr/units/${u.id}/remove`, {}); flash(t('saved')); await Promise.all([unitsView(), loadUnits()]); } catch (e) { failed(e); }
      } }, t('remove'));
      const depth = (x) => (x.parent && byId.get(x.parent) ? 1 + depth(byId.get(x.parent)) : 0);
      return el('tr', {}, el('td', { style: undefined }, '\u2003'.repeat(Math.min(depth(u), 4)) + u.name), el('td', { class: 'num' }, u.people),
        el('td', {}, sel), el('td', { class: 'no-print' }, el('div', { class: 'row-actions' }, renameBtn, removeBtn)));
    }));
    const addParent = $('#unit-add select[name=parent]');
    addParent.replaceChildren(el('option', { value: '' }, t('noParent')), ...list.map((o) => new Option(o.name, o.id)));
    addParent.value = '';
    const ubody = $('#users-table tbody');
    ubody.replaceChildren(...users.map((u) => {
      const role = el('select', { 'aria-label': `${t('role')}: ${u.name}` }, ...['admin', 'viewer', 'manager'].map((r) => new Option(t('role_' + r), r)));
      role.value = u.role;
      const boxes = el('div', { class: 'unit-boxes' }, ...list.map((x) => el('label', { class: 'check' },
        el('input', { type: 'checkbox', value: x.id, checked: u.units.includes(x.id) }), ' ' + x.name)));
      const email = el('input', { type: 'email', value: u.email, maxlength: 254, 'aria-label': `${t('ownEmail')}: ${u.name}` });
      const save = el('button', { type: 'button', class: 'small', onclick: async () => {
        const units = [...boxes.querySelectorAll('input:checked')].map((b) => Number(b.value));
        try { await api('POST', `hr/users/${encodeURIComponent(u.name)}`, { role: role.value, units, email: email.value.trim() }); flash(t('saved')); await unitsView(); } catch (e) { failed(e); }
      } }, t('save'));
      return el('tr', {}, el('td', {}, u.name), el('td', {}, role), el('td', {}, boxes), el('td', {}, email), el('td', { class: 'no-print' }, save));
    }));
    cardify($('#units-table'));
    cardify($('#users-table'));
  }

  $('#unit-add').addEventListener('submit', async (e) => {
    e.preventDefault();
    const f = new FormData(e.target);
    try {
      await api('POST', 'hr/units', { name: f.get('name'), parent: f.get('parent') ? Number(f.get('parent')) : null });
      e.target.reset();
      flash(t('saved'));
      await Promise.all([unitsView(), loadUnits()]);
    } catch (err) { failed(err); }
  });

  // E-mail ------------------------------------------------------------------------------------------------

  let templates = [];
  // Why a send failed, in HR's language with what to do; below it the relay's own words (libcurl's
  // English), for whoever keeps the mail server.
  function mailError(m) {
    if (!m.error) return '';
    const detail = el('span', { class: 'mail-detail', lang: 'en' }, m.error);
    return m.error_kind ? [el('span', {}, t('me_' + m.error_kind)), el('br'), detail] : detail;
  }
  async function mailView() {
    const { mail, enabled } = await api('GET', 'hr/mail');
    $('#mail-disabled').hidden = enabled;
    $('#mail-table th.rcpt-col').hidden = !session.emails;
    const body = $('#mail-table tbody');
    body.replaceChildren(...mail.map((m) => el('tr', {}, el('td', {}, fmtTime(m.sent || m.created)), el('td', {}, m.name),
      session.emails ? el('td', {}, m.rcpt || '') : null, el('td', {}, t('r_' + m.reason)),
      el('td', {}, el('span', { class: 'status mail-' + m.state }, t('ms_' + m.state))), el('td', { class: 'num' }, m.attempts),
      el('td', {}, ...[].concat(mailError(m))))));
    if (!mail.length) body.append(el('tr', {}, el('td', { colspan: 7 }, t('noData'))));
    cardify($('#mail-table'));
    $('#templates').hidden = session.role !== 'admin';
    if (session.role === 'admin') {
      templates = (await api('GET', 'hr/mail/templates')).templates;
      const kind = $('#template-form select[name=kind]');
      if (!kind.options.length) {
        for (const k of ['invitation', 'not_started', 'not_finished', 'expiring', 'summary']) kind.add(new Option(k, k));
        $('#template-form select[name=lang]').value = lang; // first the text in the language HR works in
      }
      for (const o of kind.options) o.textContent = t('r_' + o.value);
      showTemplate();
    }
  }

  // The template in the form, as shown: another message or language asks before it drops
  // unsaved edits, and restoring the default asks before it drops saved ones.
  let shownTemplate = null;
  function showTemplate() {
    const f = $('#template-form');
    const tpl = templates.find((x) => x.kind === f.elements.kind.value && x.lang === f.elements.lang.value);
    if (!tpl) return;
    f.elements.subject.value = tpl.subject;
    f.elements.body.value = tpl.body;
    shownTemplate = tpl;
    $('#template-edited').textContent = tpl.edited ? `(${t('edited')})` : '';
  }
  for (const name of ['kind', 'lang']) $(`#template-form select[name=${name}]`).addEventListener('change', (e) => {
    const f = $('#template-form').elements, was = shownTemplate;
    if (was && (f.subject.value !== was.subject || f.body.value !== was.body) && !confirm(t('confirmDiscard'))) {
      e.target.value = name === 'kind' ? was.kind : was.lang;
      return;
    }
    showTemplate();
  });
  $('#template-form').addEventListener('submit', async (e) => {
    e.preventDefault();
    const f = e.target.elements;
    try {
      await api('POST', 'hr/mail/templates', { kind: f.kind.value, lang: f.lang.value, subject: f.subject.value, body: f.body.value });
      flash(t('saved'));
      await mailView();
    } catch (err) { failed(err); }
  });
  $('#template-restore').addEventListener('click', async () => {
    const f = $('#template-form').elements;
    if (shownTemplate && (shownTemplate.edited || f.body.value !== shownTemplate.body) && !confirm(t('confirmRestore'))) return;
    try { await api('POST', 'hr/mail/templates', { kind: f.kind.value, lang: f.lang.value, reset: true }); flash(t('saved')); await mailView(); } catch (err) { failed(err); }
  });

  // Invitations ---------------------------------------------------------------------------------------

  $('#invite-form').addEventListener('submit', async (e) => {
    e.preventDefault();
    if (!datesOk(e.target)) return;
    const f = Object.fromEntries([...new FormData(e.target).entries()].filter(([, v]) => String(v).trim() !== ''));
    if (f.valid_days) f.valid_days = Number(f.valid_days);
    if (f.start_date) f.start_date = parseDate(f.start_date);
    try {
      const r = await api('POST', 'hr/people', f);
      e.target.reset();
      showLink($('#invite-out'), r, r.link);
      if (session.mail && f.email) flash(t('mailSent'));
      loadUnits().catch(() => {});
    } catch (err) { failed(err); }
  });

  // Excel on Windows may save "CSV" in Windows-1252: read as UTF-8 first, fall back if broken.
  function readText(file, encoding) {
    return new Promise((resolve, reject) => {
      const r = new FileReader();
      r.onload = () => resolve(r.result);
      r.onerror = () => reject(r.error);
      r.readAsText(file, encoding);
    });
  }

  // the chosen file's name, in our own field (index.html says why)
  function showFileName() {
    const file = $('#import-form').elements.file.files[0];
    $('#import-form .file-name').textContent = file ? file.name : t('noFile');
  }
  $('#import-form').elements.file.addEventListener('change', showFileName);

  $('#import-form').addEventListener('submit', async (e) => {
    e.preventDefault();
    const file = e.target.elements.file.files[0];
    if (!file) return;
    const out = $('#invite-out');
    try {
      let text = await readText(file, 'utf-8');
      if (text.includes('\uFFFD')) text = await readText(file, 'windows-1252');
      const r = await api('POST', 'hr/people/import', { csv: text });
      out.replaceChildren(el('p', {}, t('created', r.created.length)),
        el('ul', {}, ...r.created.map((p) => el('li', {}, `${p.name} (${p.unit}): `, el('code', {}, location.origin + p.link)))));
      e.target.reset();
      showFileName();
      loadUnits().catch(() => {});
    } catch (err) {
      if (err.data && err.data.rows) {
        out.replaceChildren(el('p', {}, t('importErrors')),
          el('ul', {}, ...err.data.rows.map((r) => {
            const say = (T[lang].ie || {})[r.code];
            const text = typeof say === 'function' ? say(r.value) : say || r.message;
            return el('li', {}, `${t('line')} ${r.line}: ${text}`);
          })),
          ...(err.data.error_count > err.data.rows.length ? [el('p', {}, t('importMore', err.data.rows.length, err.data.error_count))] : []));
      } else { failed(err); return; }
    }
    out.focus();
  });

  // ---- session and routing -------------------------------------------------------------------------

  function setSession(s) {
    session = s;
    $('#org').textContent = s ? s.org : '';
    $('#who').textContent = s ? `${s.user} (${t('role_' + s.role)})` : '';
  }

  async function route() {
    if (!session) return show('login');
    if (session.must_change) return show('password');
    let name = location.hash.slice(1);
    if (!VIEWS.includes(name) || name === 'login' || name === 'password') name = 'people';
    if (ADMIN_VIEWS.has(name) && session.role !== 'admin') name = 'people';
    show(name, false);
    flash('');
    for (const p of document.querySelectorAll('.print-filter')) p.textContent = filterText();
    try {
      if (name === 'people') await people();
      else if (name === 'stats') await stats();
      else if (name === 'reports') await reports();
      else if (name === 'units') await unitsView();
      else if (name === 'mail') await mailView();
      else if (name === 'feedback') await feedback();
      else if (name === 'audit') await audit();
      else if (name === 'invite') $('#invite-form').elements.valid_days.placeholder = String(session.invite_days);
    } catch (e) { failed(e); }
    const h = $('#view-' + name + ' h1');
    if (h && !$('#langs').contains(document.activeElement)) h.focus();
  }

  window.addEventListener('hashchange', route);

  $('#filter').addEventListener('submit', (e) => { e.preventDefault(); if (!datesOk(e.target)) return; offset = 0; route(); });
  $('#filter-clear').addEventListener('click', () => {
    $('#filter').reset();
    for (const d of document.querySelectorAll('#filter input[data-date]')) { d.setCustomValidity(''); d.removeAttribute('aria-invalid'); }
    offset = 0;
    route();
  });

  $('#login-form').addEventListener('submit', async (e) => {
    e.preventDefault();
    const f = new FormData(e.target);
    try {
      setSession(await api('POST', 'hr/login', { user: f.get('user'), password: f.get('password') }));
      e.target.reset();
      flash('');
      if (!session.must_change) await loadUnits();
      await route();
    } catch (err) { failed(err); }
  });

  $('#password-form').addEventListener('submit', async (e) => {
    e.preventDefault();
    const f = new FormData(e.target);
    try {
      setSession(await api('POST', 'hr/password', { old: f.get('old'), new: f.get('new') }));
      e.target.reset();
      flash(t('passwordSaved'));
      await loadUnits();
      await route();
    } catch (err) { failed(err); }
  });

  $('#logout').addEventListener('click', async () => {
    try { await api('POST', 'hr/logout', {}); } catch (e) { /* ended anyway */ }
    setSession(null);
    show('login');
  });

  applyLang();
  // sign-in with the work account, when the organisation has set it up
  fetch('/api/v1/config').then((r) => r.json()).then((c) => { $('#sso').hidden = !c.sso; }).catch(() => {});
  (async () => {
    try {
      setSession(await api('GET', 'hr/session'));
      if (!session.must_change) await loadUnits();
    } catch (e) { setSession(null); }
    await route();
    if (!session) $('#login-form').elements.user.focus();
  })();
})();
