// studio.js - the authoring studio (issue 12): rooms as a scene and forms, drafts saved as you
// type, the real game previewing the draft, publishing after the linter, versions.
//
// No framework: the studio is a page of forms and one scene editor, and plain DOM keeps it
// loadable from our own server without a build step (README, "Libraries and why").
// Talks only to /api/v1/studio/ (game/server/studio.c) and the login of /api/v1/hr/.
// Every content rule is the linter's: this file shows its problems, it checks nothing itself.
'use strict';

(function () {
  // ---- words ---------------------------------------------------------------------------------
  const WORDS = {
    fi: {
      skip: 'Siirry sisältöön', language: 'Kieli', logout: 'Kirjaudu ulos', loginTitle: 'Kirjaudu studioon',
      user: 'Käyttäjätunnus', password: 'Salasana', login: 'Kirjaudu', newPassword: 'Uusi salasana (vähintään 12 merkkiä)',
      oldPassword: 'Nykyinen salasana', setPassword: 'Aseta oma salasana', passwordTitle: 'Aseta oma salasanasi',
      rooms: 'Huoneet', room: 'Huone', newRoom: 'Uusi huone', roomName: 'Huoneen nimi', create: 'Luo huone',
      cancel: 'Peruuta', open: 'Avaa', draft: 'luonnos', published: 'julkaistu', release: 'Julkaisu', seedNote: 'alkuperäinen sisältö, asennuksen mukana',
      releases: 'Julkaisut', by: 'tekijä', lobby: 'Aula', back: 'Kaikki huoneet', title: 'Nimi', intro: 'Alkuteksti',
      outro: 'Lopputeksti', codePart: 'Koodin osa (viimeiseen oveen)', target: 'Tavoiteaika (min)', timer: 'Ajastin (min, 0 = ei)',
      comicIntro: 'Sarjakuva ennen huonetta', comicOutro: 'Sarjakuva huoneen jälkeen', none: '(ei mitään)',
      items: 'Esineet', addItem: 'Lisää esine', itemName: 'Esineen nimi', about: 'Mikä se on', icon: 'Kuvake',
      scene: 'Näkymä', picture: 'Taustakuva', upload: 'Lataa kuva (PNG, JPEG tai SVG)', widgets: 'Näkymän osat',
      addWidget: 'Lisää osa', type: 'Tyyppi', text: 'Teksti', label: 'Ruudunlukijan nimi', rows: 'Rivit', addRow: 'Lisää rivi',
      image: 'Kuva', size: 'Tekstin koko', tone: 'Väri', bold: 'Lihavoitu', hidden: 'Piilossa, kunnes tehtävä paljastaa',
      opens: 'Avaa huoneen', puzzles: 'Tehtävät', addPuzzle: 'Lisää tehtävä', kind: 'Laji', prompt: 'Tehtävänanto',
      solved: 'Kun ratkaistu (opetus)', wrong: 'Kun vastaus on väärä', hints: 'Vihjeet', addHint: 'Lisää vihje',
      requires: 'Vaatii ensin', gives: 'Antaa', givesItems: 'Esineet', reveals: 'Paljastaa osat', comic: 'Sarjakuva',
      options: 'Vaihtoehdot', addOption: 'Lisää vaihtoehto', correct: 'Oikea', explain: 'Miksi (selitys)',
      places: 'Kohdat kuvassa', placeN: 'Kohta', addPlace: 'Lisää kohta', decoy: 'Harhautus (väärä kohta)', onWidget: 'Osan päällä',
      ownRect: '(oma suorakulmio kuvassa)', steps: 'Vaiheet oikeassa järjestyksessä', addStep: 'Lisää vaihe',
      pairs: 'Parit', addPair: 'Lisää pari', left: 'Vasen', right: 'Pari', answer: 'Koodi', final: 'Viimeinen ovi',
      answers: 'Hyväksytyt vastaukset', addAnswer: 'Lisää vastaus', item: 'Esine', place: 'Kohde', remove: 'Poista',
      up: 'Ylös', down: 'Alas', id: 'Tunnus', fi: 'suomeksi', sv: 'ruotsiksi', en: 'englanniksi',
      stMissing: 'puuttuu', stSame: 'sama kuin suomeksi', stDone: 'valmis', stUnused: 'tyhjä',
      widgetTypes: { box: 'Laatikko', window: 'Ikkuna', toolbar: 'Työkalupalkki', list: 'Luettelo', button: 'Painike', text: 'Tekstikappale',
        chat: 'Keskusteluviesti', icon: 'Kuvake', image: 'Kuva' },
      sizes: { small: 'Pieni', normal: 'Tavallinen', large: 'Suuri', title: 'Otsikko' },
      tones: { normal: 'Tavallinen', muted: 'Himmeä', accent: 'Korostettu', danger: 'Varoitus (punainen)', link: 'Linkki' },
      kinds: { choice: 'Monivalinta', hotspots: 'Etsi kohdat kuvasta', order: 'Järjestä', match: 'Yhdistä parit',
        code: 'Koodilukko', text: 'Kirjoita vastaus', use: 'Käytä esinettä' },
      saved: 'Tallennettu luonnoksena', saving: 'Tallennetaan…', savedLocal: 'Ei yhteyttä palvelimeen: muutokset on tallennettu tähän selaimeen ja lähetetään, kun yhteys palaa.',
      restored: 'Palautettiin tallentamaton muutoksesi tästä selaimesta.', publish: 'Julkaise', publishTitle: 'Julkaise pelaajille',
      note: 'Mitä muutit? (näkyy versiohistoriassa)', feedbackNote: 'Muutettu pelaajien palautteen perusteella (näytetään aulassa)',
      publishing: 'Tarkistetaan ja julkaistaan…', publishedOk: 'Julkaistu! Uudet pelit saavat uuden version heti. Jo aloitettu peli pelataan loppuun sillä versiolla, jolla se alkoi.',
      packageOld: (n) => `Oppimisympäristön SCORM-paketissa on yhä julkaisu ${n}: pyydä pääkäyttäjää lataamaan uusi paketti HR-näkymän Raportit-sivulta.`,
      lintErrors: (n) => `Tarkistin löysi ${n} ${n === 1 ? 'virheen: korjaa se' : 'virhettä: korjaa ne'} ennen julkaisua.`,
      lintOk: 'Tarkistin ei löytänyt virheitä.', lintWarn: (n) => `${n} ${n === 1 ? 'huomautus' : 'huomautusta'}`,
      checking: 'Tarkistetaan…', problems: 'Tarkistimen löydökset', preview: 'Esikatselu (oikea peli luonnoksella)',
      reloadPreview: 'Lataa esikatselu uudelleen', previewSize: 'Näytön koko', sizeLaptop: 'Tietokone', sizePhone: 'Puhelin', versions: 'Versiot', compare: 'Vertaa nykyiseen', rollback: 'Palauta tämä versio',
      rollbackAsk: (v) => `Palautetaanko versio ${v} ja julkaistaanko se heti?`, rolledBack: 'Versio palautettu ja julkaistu.',
      changes: 'Muutokset', field: 'Kenttä', before: 'Ennen', after: 'Jälkeen', noChanges: 'Ei eroja.',
      conflictTitle: 'Joku muu muutti tätä samaan aikaan', conflictText: 'Kumpaakaan versiota ei ole menetetty. Valitse, kumpi jää luonnokseksi. Toinen jää talteen tähän selaimeen ja näkyy alla.',
      mine: 'Sinun versiosi', theirs: (who) => `Versio, jonka tallensi ${who}`, keepMine: 'Pidä minun versioni', takeTheirs: 'Ota heidän versionsa',
      nameNoDoor: (l) => `Nimi ${l} ei mahdu aulan oveen edes suurimpana: lyhennä sitä.`, nameNoButton: (l) => `Nimi ${l} ei mahdu aulan painikkeeseen edes suurimpana: lyhennä sitä.`,
      doorGrew: 'Aulan ovea suurennettiin, jotta nimi mahtuu siihen kaikilla kielillä.',
      nameInHint: (l) => `Viimeisen oven vihje luettelee huoneiden nimet, ja nimi ${l} tekee siitä liian pitkän: lyhennä nimeä.`,
      removeRoom: 'Poista huone', removeAsk: (t) => `Poistetaanko huone "${t}"? Myös sen ovi aulasta, koodin osa ja rivi viimeisen oven vihjeestä poistetaan. Muutos julkaistaan vasta, kun julkaiset.`,
      created: 'Huone luotu luonnoksena: ovi aulaan, koodin osa ja vihjerivi lisättiin.',
      budget: (u, l) => `Ensimmäinen lataus ${u} kt / 600 kt, jäljellä ${l} kt.`,
      scaled: (a, b) => `Kuva oli liian suuri (${a} kt): pienennettiin selaimessa ${b} kilotavuun (selaimen oma Canvas-ohjelmointirajapinta, ei erillistä kirjastoa).`,
      tooBig: (a, l) => `Kuva (${a} kt) ei mahdu latausbudjettiin (jäljellä ${l} kt).`, uploaded: 'Kuva ladattu.',
      sceneHelp: 'Vedä suorakulmioita hiirellä tai sormella. Näppäimistöllä: valitse suorakulmio sarkaimella, nuolet siirtävät, Vaihto + nuolet muuttavat kokoa.',
      moved: (n, r) => `${n}: x ${r[0]}, y ${r[1]}, leveys ${r[2]}, korkeus ${r[3]}`, exportFile: 'Vie tiedostona', importFile: 'Tuo tiedosto',
      importOk: 'Tiedosto tuotu luonnokseksi.', importBad: 'Tiedostoa ei tuotu: korjaa nämä ja yritä uudelleen.',
      statsTitle: 'Pelaajat ja palaute', noPlayers: 'Kukaan ei ole vielä pelannut tätä huonetta.',
      statLine: (n, ok, med, m, hh) => `${n} pelaajaa, ${ok} ratkaisi, mediaaniaika ${med}, virheitä ${m} ja vihjeitä ${hh} pelaajaa kohden.`,
      ratingLine: (a, n) => `Arvosana keskimäärin ${a}/5 (${n} arviota).`, comments: (n) => `Kommentit (${n})`,
      removedItem: (x) => `Poistettu: ${x}`, undo: 'Kumoa',
      discard: 'Hylkää luonnos', discardAsk: 'Hylätäänkö luonnos ja palataanko julkaistuun versioon?', noRooms: 'Ei vielä huoneita.',
      feedbackLobby: { fi: 'Peliä on parannettu pelaajien palautteen perusteella. Kiitos!', sv: 'Spelet har förbättrats utifrån spelarnas respons. Tack!', en: 'The game has been improved from players\' feedback. Thank you!' },
      err: { login_required: 'Kirjaudu sisään.', bad_login: 'Väärä käyttäjätunnus tai salasana.', forbidden: 'Tunnuksellasi ei voi muokata pelin sisältöä (tarvitaan tekijän tai ylläpitäjän tunnus).',
        csrf: 'Lataa sivu uudelleen.', unavailable: 'Palvelin ei vastaa juuri nyt. Yritä uudelleen.', too_large: 'Kuva on liian suuri.',
        bad_image: 'Tiedosto ei ole kelvollinen PNG-, JPEG- tai SVG-kuva.', name_taken: 'Samanniminen kuva on jo olemassa.',
        missing_note: 'Kirjoita lyhyt kuvaus muutoksesta.', lint_unavailable: 'Tarkistin ei käynnistynyt; mitään ei muutettu.',
        weak_password: 'Salasana on liian heikko.', bad_password: 'Nykyinen salasana ei täsmää.', network: 'Ei yhteyttä palvelimeen.' },
    },
    sv: {
      skip: 'Till innehållet', language: 'Språk', logout: 'Logga ut', loginTitle: 'Logga in i studion', user: 'Användarnamn',
      password: 'Lösenord', login: 'Logga in', newPassword: 'Nytt lösenord (minst 12 tecken)', oldPassword: 'Nuvarande lösenord',
      setPassword: 'Spara lösenordet', passwordTitle: 'Välj ett eget lösenord', rooms: 'Rum', room: 'Rum', newRoom: 'Nytt rum',
      roomName: 'Rummets namn', create: 'Skapa rummet', cancel: 'Avbryt', open: 'Öppna', draft: 'utkast',
      published: 'publicerat', release: 'Publicering', seedNote: 'ursprungligt innehåll, med installationen', releases: 'Publiceringar', by: 'av', lobby: 'Lobbyn', back: 'Alla rum',
      title: 'Namn', intro: 'Inledning', outro: 'Avslutning', codePart: 'Koddel (till sista dörren)', target: 'Måltid (min)',
      timer: 'Timer (min, 0 = ingen)', comicIntro: 'Serie före rummet', comicOutro: 'Serie efter rummet', none: '(ingen)',
      items: 'Föremål', addItem: 'Lägg till föremål', itemName: 'Föremålets namn', about: 'Vad det är', icon: 'Ikon',
      scene: 'Vy', picture: 'Bakgrundsbild', upload: 'Ladda upp bild (PNG, JPEG eller SVG)', widgets: 'Vyns delar',
      addWidget: 'Lägg till del', type: 'Typ', text: 'Text', label: 'Namn för skärmläsare', rows: 'Rader', addRow: 'Lägg till rad',
      image: 'Bild', size: 'Textstorlek', tone: 'Färg', bold: 'Fet', hidden: 'Dold tills en uppgift visar den', opens: 'Öppnar rummet',
      puzzles: 'Uppgifter', addPuzzle: 'Lägg till uppgift', kind: 'Slag', prompt: 'Uppgift', solved: 'När den är löst (lärdom)',
      wrong: 'När svaret är fel', hints: 'Ledtrådar', addHint: 'Lägg till ledtråd', requires: 'Kräver först', gives: 'Ger',
      givesItems: 'Föremål', reveals: 'Visar delar', comic: 'Serie', options: 'Alternativ', addOption: 'Lägg till alternativ',
      correct: 'Rätt', explain: 'Varför (förklaring)', places: 'Ställen i bilden', placeN: 'Ställe', addPlace: 'Lägg till ställe',
      decoy: 'Avledning (fel ställe)', onWidget: 'Ovanpå del', ownRect: '(egen rektangel i bilden)', steps: 'Stegen i rätt ordning',
      addStep: 'Lägg till steg', pairs: 'Par', addPair: 'Lägg till par', left: 'Vänster', right: 'Par', answer: 'Kod',
      final: 'Sista dörren', answers: 'Godkända svar', addAnswer: 'Lägg till svar', item: 'Föremål', place: 'Mål', remove: 'Ta bort',
      up: 'Upp', down: 'Ned', id: 'Id', fi: 'på finska', sv: 'på svenska', en: 'på engelska', stMissing: 'saknas',
      stSame: 'samma som finska', stUnused: 'tom', stDone: 'klar',
      widgetTypes: { box: 'Ruta', window: 'Fönster', toolbar: 'Verktygsfält', list: 'Lista', button: 'Knapp', text: 'Textstycke',
        chat: 'Chattmeddelande', icon: 'Ikon', image: 'Bild' },
      sizes: { small: 'Liten', normal: 'Normal', large: 'Stor', title: 'Rubrik' },
      tones: { normal: 'Normal', muted: 'Dämpad', accent: 'Framhävd', danger: 'Varning (röd)', link: 'Länk' },
      kinds: { choice: 'Flerval', hotspots: 'Hitta ställena i bilden', order: 'Ordna', match: 'Para ihop', code: 'Kodlås',
        text: 'Skriv svaret', use: 'Använd föremål' },
      saved: 'Sparat som utkast', saving: 'Sparar…', savedLocal: 'Ingen kontakt med servern: ändringarna är sparade i den här webbläsaren och skickas när kontakten återkommer.',
      restored: 'Din osparade ändring återställdes från den här webbläsaren.', publish: 'Publicera', publishTitle: 'Publicera för spelarna',
      note: 'Vad ändrade du? (syns i versionshistoriken)', feedbackNote: 'Ändrat utifrån spelarnas respons (visas i lobbyn)',
      publishing: 'Kontrollerar och publicerar…', publishedOk: 'Publicerat! Nya spel får den nya versionen direkt. Ett spel som redan har börjat spelas klart med den version det började med.',
      packageOld: (n) => `Lärplattformens SCORM-paket har fortfarande publicering ${n}: be administratören ladda ner ett nytt paket på HR-vyns sida Rapporter.`,
      lintErrors: (n) => `Kontrollen hittade ${n} fel: rätta ${n === 1 ? 'det' : 'dem'} före publiceringen.`, lintOk: 'Kontrollen hittade inga fel.',
      lintWarn: (n) => `${n} anmärkning${n === 1 ? '' : 'ar'}`, checking: 'Kontrollerar…', problems: 'Kontrollens fynd',
      preview: 'Förhandsvisning (det riktiga spelet med utkastet)', reloadPreview: 'Ladda om förhandsvisningen', previewSize: 'Skärmstorlek', sizeLaptop: 'Dator', sizePhone: 'Telefon', versions: 'Versioner',
      compare: 'Jämför med nuvarande', rollback: 'Återställ den här versionen', rollbackAsk: (v) => `Återställa version ${v} och publicera den genast?`,
      rolledBack: 'Versionen återställd och publicerad.', changes: 'Ändringar', field: 'Fält', before: 'Före', after: 'Efter',
      noChanges: 'Inga skillnader.', conflictTitle: 'Någon annan ändrade det här samtidigt',
      conflictText: 'Ingen version har gått förlorad. Välj vilken som blir utkast. Den andra sparas i den här webbläsaren och visas nedan.',
      mine: 'Din version', theirs: (who) => `Versionen som ${who} sparade`, keepMine: 'Behåll min version', takeTheirs: 'Ta deras version',
      nameNoDoor: (l) => `Namnet ${l} ryms inte på dörren i lobbyn, inte ens när den är som störst: korta det.`, nameNoButton: (l) => `Namnet ${l} ryms inte på knappen i lobbyn, inte ens när den är som störst: korta det.`,
      doorGrew: 'Dörren i lobbyn gjordes större så att namnet ryms på alla språk.',
      nameInHint: (l) => `Sista dörrens ledtråd räknar upp rummens namn, och namnet ${l} gör den för lång: korta namnet.`,
      removeRoom: 'Ta bort rummet', removeAsk: (t) => `Ta bort rummet "${t}"? Också dess dörr i lobbyn, koddelen och raden i sista dörrens ledtråd tas bort. Ändringen publiceras först när du publicerar.`,
      created: 'Rummet skapat som utkast: dörr i lobbyn, koddel och ledtrådsrad lades till.',
      budget: (u, l) => `Första laddningen ${u} kB / 600 kB, kvar ${l} kB.`,
      scaled: (a, b) => `Bilden var för stor (${a} kB): den förminskades i webbläsaren till ${b} kB (webbläsarens eget Canvas-gränssnitt, inget separat bibliotek).`,
      tooBig: (a, l) => `Bilden (${a} kB) ryms inte i budgeten (kvar ${l} kB).`, uploaded: 'Bilden uppladdad.',
      sceneHelp: 'Dra rektanglarna med musen eller fingret. Med tangentbordet: välj rektangel med Tab, pilarna flyttar, Skift + pilar ändrar storleken.',
      moved: (n, r) => `${n}: x ${r[0]}, y ${r[1]}, bredd ${r[2]}, höjd ${r[3]}`, exportFile: 'Exportera som fil', importFile: 'Importera fil',
      importOk: 'Filen importerad som utkast.', importBad: 'Filen importerades inte: rätta dessa och försök igen.',
      statsTitle: 'Spelare och respons', noPlayers: 'Ingen har spelat rummet ännu.',
      statLine: (n, ok, med, m, hh) => `${n} spelare, ${ok} löste, mediantid ${med}, ${m} fel och ${hh} ledtrådar per spelare.`,
      ratingLine: (a, n) => `Betyg i medeltal ${a}/5 (${n} betyg).`, comments: (n) => `Kommentarer (${n})`,
      removedItem: (x) => `Borttaget: ${x}`, undo: 'Ångra',
      discard: 'Kasta utkastet', discardAsk: 'Kasta utkastet och gå tillbaka till den publicerade versionen?', noRooms: 'Inga rum ännu.',
      err: { login_required: 'Logga in.', bad_login: 'Fel användarnamn eller lösenord.', forbidden: 'Ditt konto kan inte redigera innehållet.',
        csrf: 'Ladda om sidan.', unavailable: 'Servern svarar inte just nu.', too_large: 'Bilden är för stor.', bad_image: 'Filen är ingen giltig PNG-, JPEG- eller SVG-bild.',
        name_taken: 'En bild med samma namn finns redan.', missing_note: 'Skriv en kort beskrivning av ändringen.', lint_unavailable: 'Kontrollen startade inte; inget ändrades.',
        weak_password: 'Lösenordet är för svagt.', bad_password: 'Det nuvarande lösenordet stämmer inte.', network: 'Ingen kontakt med servern.' },
    },
    en: {
      skip: 'Skip to content', language: 'Language', logout: 'Log out', loginTitle: 'Log in to the studio', user: 'User name',
      password: 'Password', login: 'Log in', newPassword: 'New password (at least 12 characters)', oldPassword: 'Current password',
      setPassword: 'Set password', passwordTitle: 'Set your own password', rooms: 'Rooms', room: 'Room', newRoom: 'New room',
      roomName: 'The room\'s name', create: 'Create the room', cancel: 'Cancel', open: 'Open', draft: 'draft',
      published: 'published', release: 'Release', seedNote: 'the original content, from the installation', releases: 'Releases', by: 'by', lobby: 'Lobby', back: 'All rooms', title: 'Name',
      intro: 'Opening text', outro: 'Closing text', codePart: 'Code part (for the last door)', target: 'Target time (min)',
      timer: 'Timer (min, 0 = none)', comicIntro: 'Comic before the room', comicOutro: 'Comic after the room', none: '(none)',
      items: 'Items', addItem: 'Add an item', itemName: 'Item name', about: 'What it is', icon: 'Icon', scene: 'Scene',
      picture: 'Background picture', upload: 'Upload a picture (PNG, JPEG or SVG)', widgets: 'Parts of the scene', addWidget: 'Add a part',
      type: 'Type', text: 'Text', label: 'Name for screen readers', rows: 'Rows', addRow: 'Add a row', image: 'Picture',
      size: 'Text size', tone: 'Colour', bold: 'Bold', hidden: 'Hidden until a puzzle reveals it', opens: 'Opens the room',
      puzzles: 'Puzzles', addPuzzle: 'Add a puzzle', kind: 'Kind', prompt: 'The task', solved: 'When solved (the lesson)',
      wrong: 'When the answer is wrong', hints: 'Hints', addHint: 'Add a hint', requires: 'Needs first', gives: 'Gives',
      givesItems: 'Items', reveals: 'Reveals parts', comic: 'Comic', options: 'Options', addOption: 'Add an option', correct: 'Right',
      explain: 'Why (explanation)', places: 'Places on the picture', placeN: 'Place', addPlace: 'Add a place', decoy: 'Decoy (a wrong place)',
      onWidget: 'On a part', ownRect: '(its own rectangle on the picture)', steps: 'Steps in the right order', addStep: 'Add a step',
      pairs: 'Pairs', addPair: 'Add a pair', left: 'Left', right: 'Its pair', answer: 'Code', final: 'The last door',
      answers: 'Accepted answers', addAnswer: 'Add an answer', item: 'Item', place: 'Target', remove: 'Remove', up: 'Up', down: 'Down',
      id: 'Id', fi: 'in Finnish', sv: 'in Swedish', en: 'in English', stMissing: 'missing', stSame: 'same as Finnish', stDone: 'done', stUnused: 'empty',
      widgetTypes: { box: 'Box', window: 'Window', toolbar: 'Toolbar', list: 'List', button: 'Button', text: 'Paragraph',
        chat: 'Chat message', icon: 'Icon', image: 'Picture' },
      sizes: { small: 'Small', normal: 'Normal', large: 'Large', title: 'Title' },
      tones: { normal: 'Normal', muted: 'Muted', accent: 'Accent', danger: 'Warning (red)', link: 'Link' },
      kinds: { choice: 'Multiple choice', hotspots: 'Find the places', order: 'Put in order', match: 'Match the pairs', code: 'Code lock',
        text: 'Type the answer', use: 'Use an item' },
      saved: 'Saved as a draft', saving: 'Saving…', savedLocal: 'No connection to the server: your changes are kept in this browser and sent when the connection returns.',
      restored: 'Your unsaved change was restored from this browser.', publish: 'Publish', publishTitle: 'Publish to players',
      note: 'What did you change? (shown in the version history)', feedbackNote: 'Changed after players\' feedback (shown in the lobby)',
      publishing: 'Checking and publishing…', publishedOk: 'Published! New games get the new version at once. A game already begun is finished on the version it began with.',
      packageOld: (n) => `The learning platform's SCORM package still has release ${n}: ask an admin to download a new package from the HR dashboard's Reports page.`,
      lintErrors: (n) => `The checker found ${n} error${n === 1 ? ': fix it' : 's: fix them'} before publishing.`, lintOk: 'The checker found no errors.',
      lintWarn: (n) => `${n} warning${n === 1 ? '' : 's'}`, checking: 'Checking…', problems: 'What the checker found',
      preview: 'Preview (the real game playing the draft)', reloadPreview: 'Reload the preview', previewSize: 'Screen size', sizeLaptop: 'Computer', sizePhone: 'Phone', versions: 'Versions', compare: 'Compare with now',
      rollback: 'Roll back to this version', rollbackAsk: (v) => `Roll back to version ${v} and publish it now?`, rolledBack: 'Rolled back and published.',
      changes: 'Changes', field: 'Field', before: 'Before', after: 'After', noChanges: 'No differences.',
      conflictTitle: 'Someone else changed this at the same time', conflictText: 'Neither version is lost. Choose which one stays as the draft; the other is kept in this browser and shown below.',
      mine: 'Your version', theirs: (who) => `The version ${who} saved`, keepMine: 'Keep my version', takeTheirs: 'Take their version',
      nameNoDoor: (l) => `The name ${l} does not fit on the lobby door, even at its largest: shorten it.`, nameNoButton: (l) => `The name ${l} does not fit on its lobby button, even at its largest: shorten it.`,
      doorGrew: 'The lobby door was made bigger so that the name fits in every language.',
      nameInHint: (l) => `The last door's hint lists the rooms' names, and the name ${l} makes it too long: shorten the name.`,
      removeRoom: 'Remove the room', removeAsk: (t) => `Remove the room "${t}"? Its lobby door, its code part and its line in the last door's hint go too. Nothing changes for players until you publish.`,
      created: 'The room was created as a draft: a lobby door, a code part and a hint line were added.',
      budget: (u, l) => `First load ${u} kB of 600 kB, ${l} kB left.`,
      scaled: (a, b) => `The picture was too large (${a} kB): it was scaled down in the browser to ${b} kB (the browser's own Canvas API, no separate library).`,
      tooBig: (a, l) => `The picture (${a} kB) does not fit the budget (${l} kB left).`, uploaded: 'Picture uploaded.',
      sceneHelp: 'Drag the rectangles with the mouse or a finger. With the keyboard: Tab to a rectangle, arrows move it, Shift + arrows resize it.',
      moved: (n, r) => `${n}: x ${r[0]}, y ${r[1]}, width ${r[2]}, height ${r[3]}`, exportFile: 'Export as a file', importFile: 'Import a file',
      importOk: 'File imported as a draft.', importBad: 'The file was not imported: fix these and try again.',
      statsTitle: 'Players and feedback', noPlayers: 'Nobody has played this room yet.',
      statLine: (n, ok, med, m, hh) => `${n} players, ${ok} solved, median time ${med}, ${m} mistakes and ${hh} hints per player.`,
      ratingLine: (a, n) => `Rated ${a}/5 on average (${n} ratings).`, comments: (n) => `Comments (${n})`,
      removedItem: (x) => `Removed: ${x}`, undo: 'Undo',
      discard: 'Discard the draft', discardAsk: 'Discard the draft and go back to the published version?', noRooms: 'No rooms yet.',
      err: { login_required: 'Please log in.', bad_login: 'Wrong user name or password.', forbidden: 'Your account cannot edit the content (an author or admin account is needed).',
        csrf: 'Reload the page.', unavailable: 'The server does not answer just now. Try again.', too_large: 'The picture is too large.',
        bad_image: 'The file is not a valid PNG, JPEG or SVG picture.', name_taken: 'A picture with that name exists already.',
        missing_note: 'Write a short note of what changed.', lint_unavailable: 'The checker did not start; nothing was changed.',
        weak_password: 'The password is too weak.', bad_password: 'The current password is not right.', network: 'No connection to the server.' },
    },
  };
  WORDS.sv.feedbackLobby = WORDS.en.feedbackLobby = WORDS.fi.feedbackLobby;
  const LANGS = ['fi', 'sv', 'en'];
  let lang = (() => { try { return localStorage.getItem('pakopeli.studio.lang') || 'fi'; } catch (e) { return 'fi'; } })();
  if (!WORDS[lang]) lang = 'fi';
  const t = (k, ...a) => { const v = WORDS[lang][k] ?? WORDS.fi[k]; return typeof v === 'function' ? v(...a) : v; };
  // Who made a release or version and why. The content the server started from is stored under
  // the author "(seed)" (store.c): a volunteer reads that as what came with the installation.
  // A rollback comes from the server as data ({name, version}), so each reader reads it in their
  // own language; the note is only the author's words.
  const ROLLED = {
    fi: (v, n) => `Palautettu versioon ${v}${n ? ` (${n})` : ''}`,
    sv: (v, n) => `Återställd till version ${v}${n ? ` (${n})` : ''}`,
    en: (v, n) => `Rolled back to version ${v}${n ? ` (${n})` : ''}`,
  };
  const why = (r) => [r.rollback ? (ROLLED[lang] || ROLLED.fi)(r.rollback.version, r.rollback.name) : '', r.note].filter(Boolean).join(': ');
  const who = (r) => (r.author === '(seed)' ? t('seedNote') : `${r.author}: ${why(r)}`);

  // ---- small DOM helpers -------------------------------------------------------------------
  const $ = (s, r = document) => r.querySelector(s);
  function h(tag, attrs = {}, ...kids) {
    const el = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
      else if (k === 'class') el.className = v;
      else if (k === 'dataset') Object.assign(el.dataset, v);
      else if (v === true) el.setAttribute(k, '');
      else el.setAttribute(k, v);
    }
    for (const kid of kids.flat(Infinity)) if (kid !== null && kid !== undefined && kid !== false) el.append(kid.nodeType ? kid : String(kid));
    return el;
  }
  // replaceChildren with the nothing-here values (null, false) left out, as h() does
  const fill = (el, ...kids) => el.replaceChildren(...kids.flat(Infinity).filter((k) => k !== null && k !== undefined && k !== false));
  let uid = 0;
  const newId = (p) => `${p}-${++uid}-${Date.now().toString(36).slice(-3)}`;
  // A line the studio says may be a function of the language (() => t('saved')): said again in the
  // new language when the author switches, so the status line never stays in the old one.
  const said = (text) => (typeof text === 'function' ? text() : text);
  let statusNow = '';
  const status = (text, kind = '') => { statusNow = text; const s = $('#status'); s.textContent = said(text); s.dataset.kind = kind; };
  const announce = (text) => { const a = $('#announce'); a.textContent = ''; setTimeout(() => { a.textContent = text; }, 30); };
  const clone = (v) => JSON.parse(JSON.stringify(v));
  const kB = (n) => Math.round(n / 1000); // as the budget counts: 600 kB = 600 000 bytes

  // ---- the server ---------------------------------------------------------------------------
  let session = null;
  class ApiError extends Error { constructor(status, data) { super((data && data.error && data.error.message) || `HTTP ${status}`); this.status = status; this.data = data; this.code = data && data.error && data.error.code; } }
  async function api(method, path, body, { raw = null, type = null } = {}) {
    const headers = { accept: 'application/json' };
    if (session && method === 'POST') headers['x-csrf-token'] = session.csrf;
    if (body !== undefined && !raw) headers['content-type'] = 'application/json';
    if (raw) headers['content-type'] = type;
    let res;
    try {
      res = await fetch('/api/v1/' + path, { method, headers, body: raw || (body === undefined ? undefined : JSON.stringify(body)), credentials: 'same-origin' });
    } catch (e) {
      throw Object.assign(new ApiError(0, null), { code: 'network', message: t('err').network });
    }
    const data = await res.json().catch(() => null);
    if (res.status === 401 && !path.startsWith('hr/login')) { session = null; showLogin(); }
    if (!res.ok) throw new ApiError(res.status, data);
    return data;
  }
  const errText = (e) => (t('err')[e.code] || e.message || String(e));

  // ---- content helpers ---------------------------------------------------------------------
  const txt = (v, l = 'fi') => (typeof v === 'string' ? v : v && typeof v === 'object' ? (v[l] || '') : '');
  // The texts that are the same in every language (a comic character's name): the linter's list
  // (GET studio/rules, its plain-text rule's "one_text"), so that what the studio shows and what
  // the checker says never disagree. Written once, such a text counts for fi, sv and en.
  let oneText = [];
  const isOneText = (p) => oneText.some((x) => new RegExp(`^${x.replace(/[.]/g, '\\.').replace(/\[\]/g, '\\[\\d+\\]')}$`).test(p));
  async function loadRules() {
    try {
      const r = await api('GET', 'studio/rules');
      oneText = (r.rules.find((x) => x.code === 'plain-text') || {}).one_text || [];
    } catch (e) { /* without them every text asks for its three languages, as before */ }
  }
  function langStatus(v, l, p = '') {
    if (!LANGS.some((x) => txt(v, x).trim())) return 'unused'; // an optional text not written in any language
    if (typeof v === 'string' && isOneText(p)) return 'sameAll';
    const fi = txt(v, 'fi'), x = typeof v === 'string' ? '' : txt(v, l); // a plain string is Finnish only
    if (l === 'fi') return fi.trim() ? 'done' : 'missing';
    if (!x.trim()) return 'missing';
    return x.trim() === fi.trim() ? 'same' : 'done';
  }
  const slug = (s) => s.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40) || 'huone';
  const getPath = (obj, path) => path.reduce((o, k) => (o == null ? o : o[k]), obj);
  function setPath(obj, path, value) {
    let o = obj;
    for (let i = 0; i < path.length - 1; i++) {
      if (o[path[i]] == null) o[path[i]] = typeof path[i + 1] === 'number' ? [] : {};
      o = o[path[i]];
    }
    if (value === undefined) { if (Array.isArray(o)) o.splice(path[path.length - 1], 1); else delete o[path[path.length - 1]]; } else o[path[path.length - 1]] = value;
  }
  const pathText = (path) => path.reduce((s, k) => (typeof k === 'number' ? `${s}[${k}]` : s ? `${s}.${k}` : k), '');

  // ---- state -------------------------------------------------------------------------------
  let content = null;           // /studio/content
  let doc = null;               // the file being edited: { name, body, revision }
  let problems = [];            // the linter's, for all files
  let selected = null;          // the rectangle selected on the scene: a path
  const saveTimers = new Map(); // per file
  const LOCAL = (name) => `pakopeli.studio.draft.${name}`;

  function keepLocal(name, body, base) {
    try { localStorage.setItem(LOCAL(name), JSON.stringify({ body, base, at: Date.now() })); } catch (e) { /* private mode: the server keeps it */ }
  }
  function localOf(name) { try { return JSON.parse(localStorage.getItem(LOCAL(name)) || 'null'); } catch (e) { return null; } }
  function dropLocal(name) { try { localStorage.removeItem(LOCAL(name)); } catch (e) { /* nothing */ } }

  // Open files: the one edited plus game.json and the lobby when a room is created or removed.
  const files = new Map(); // name -> { body, revision, dirty }

  async function loadFile(name) {
    const f = await api('GET', `studio/file?name=${encodeURIComponent(name)}`);
    const server = f.draft ? f.draft.body : f.published ? f.published.body : null;
    const entry = { name, body: server, revision: f.revision, published: f.published, draft: f.draft };
    files.set(name, entry);
    const local = localOf(name);
    if (local && JSON.stringify(local.body) !== JSON.stringify(server)) {
      if (local.base === f.revision) { // unsaved work from a closed tab or a lost network
        entry.body = local.body;
        entry.dirty = true;
        entry.edits = 1;
        status(() => t('restored'), 'warn');
        scheduleSave(name, 0);
      } else {
        entry.conflict = { mine: local.body, theirs: { body: server, author: f.draft ? f.draft.author : f.published && f.published.author, revision: f.revision } };
      }
    }
    return entry;
  }

  // Every change counts an edit; a save is done when the edits it sent are still the last ones.
  // NOT A BUG: the body is edited in place, so "is this the body we sent?" cannot be told by
  // identity; the count can (a text typed while a save was on its way stays dirty and is sent next).
  function changed(name = doc.name) {
    const f = files.get(name);
    f.dirty = true;
    f.edits = (f.edits || 0) + 1;
    keepLocal(name, f.body, f.revision);
    scheduleSave(name, 600);
  }

  function scheduleSave(name, ms) {
    clearTimeout(saveTimers.get(name));
    saveTimers.set(name, setTimeout(() => save(name), ms));
  }

  // Saves a file until nothing typed is unsent. One save per file runs at a time; a second call
  // while it runs gets the same promise, whose loop sends what was typed meanwhile. Resolves true
  // when the server has everything, false when it could not (offline, a conflict, an error: the
  // status says which, and the work stays in this browser).
  let offline = false;
  function save(name) {
    const f = files.get(name);
    if (!f) return Promise.resolve(true);
    clearTimeout(saveTimers.get(name));
    if (f.saving) return f.saving;
    if (!f.dirty) return Promise.resolve(true);
    const run = (async () => {
      await null; // NOT A BUG: f.saving is set below before this body can reach its finally
      let ok = true;
      try { while (ok && f.dirty && files.get(name) === f) ok = await saveOnce(name, f); } finally { if (f.saving === run) f.saving = null; }
      return ok;
    })();
    f.saving = run;
    return run;
  }
  async function saveOnce(name, f) {
    status(() => t('saving'));
    const sentEdits = f.edits;
    try {
      const r = await api('POST', 'studio/draft', { name, revision: f.revision, body: f.body });
      f.revision = r.revision;
      if (f.edits === sentEdits) { f.dirty = false; dropLocal(name); } else keepLocal(name, f.body, f.revision);
      offline = false;
      const at = new Date();
      status(() => `${t('saved')} ${at.toLocaleTimeString(lang)}`);
      refreshPreview(name);
      checkingPreview();
      lintSoon();
      return true;
    } catch (e) {
      if (e.code === 'network' || e.status >= 500) {
        offline = true;
        status(() => t('savedLocal'), 'warn');
        scheduleSave(name, 3000);
      } else if (e.status === 409) {
        showConflict(name, f.body, e.data.theirs);
      } else status(() => errText(e), 'bad');
      return false;
    }
  }
  // Every open file saved (publishing waits for this): true when the server has all of them.
  async function flushSaves() {
    return (await Promise.all([...files.keys()].map((n) => save(n)))).every(Boolean);
  }
  window.addEventListener('online', () => { for (const [n, f] of files) if (f.dirty) scheduleSave(n, 0); });
  window.addEventListener('beforeunload', () => { for (const [n, f] of files) if (f.dirty) keepLocal(n, f.body, f.revision); });

  // ---- the linter's problems -------------------------------------------------------------------
  let lintTimer = null, lintSeq = 0;
  function lintSoon() { clearTimeout(lintTimer); lintTimer = setTimeout(runLint, 700); }
  async function runLint() {
    const seq = ++lintSeq, edits = hubEdits();
    try {
      const r = await api('GET', `studio/lint?lang=${lang}`);
      if (seq !== lintSeq) return;
      const hub = hubEntry();
      problems = withoutFollowed(r.problems, edits !== hubEdits() || !!(hub && (hub.dirty || hub.saving)));
      showProblems();
    } catch (e) {
      // busy: other authors' checks fill the server's queue (503, Retry-After): ask again soon;
      // anything else: the next save tries again
      if (e.code === 'busy' && seq === lintSeq) lintTimer = setTimeout(runLint, 2000);
    }
  }
  const fileOf = (p) => p.file.replace(/^levels\//, '');
  // The checker says each problem in fi, sv and en (pakopeli-lint --json "messages"): the one of the
  // author's language, also after a switch and before the next check has run.
  const msgOf = (p) => (p.messages && p.messages[lang]) || p.message;

  // ---- a lobby door holds its room's name (docs/authoring.md G) ----------------------------------------------
  // The checker gives the size at which a widget's text fits in every language on every screen
  // (pakopeli-lint --json "fit": the fit rule is the linter's alone). A door whose text is its room's
  // name (syncDoor), or a comic's button the studio made, grows to that size on a free place of the
  // lobby picture, so a volunteer who names a room never meets a finding about hub.json. A name too
  // long for any door is said under the name she typed (shownProblems), where she can shorten it.
  function hubEntry() {
    const game = files.get('game.json');
    const name = game && game.body && (game.body.rooms.find((r) => r.id === game.body.hub) || {}).file;
    const hub = name && files.get(name);
    return hub && hub.body && hub.body.scene ? hub : null;
  }
  const followsName = (w) => !!(w && w.opens && (!String(w.opens).startsWith('comic:') || w.id === `comic-${String(w.opens).slice(6)}`));
  // A door grows at most to this (scene units: half the 800 x 560 lobby's width, a third of its
  // height; the checker's size is the one of least area, so a long title often gets a wide door of
  // two lines): a title that needs more is too long for a door, and she is told so under the title.
  const DOOR_MAX = [400, 190];
  // ...and at least to this: a room's door is the shipped lobby's door (116 x 60), a comic's button
  // the one the studio makes (createComic). A name typed shorter (a typo in a long name fixed)
  // puts the door back to this size, and the checker's next "fit" grows it to what the new name
  // needs (restToBase): the door follows the name both ways, the size still the linter's.
  const DOOR_BASE = [116, 60], BUTTON_BASE = [240, 52];
  const baseOf = (w) => (String(w.opens).startsWith('comic:') ? BUTTON_BASE : DOOR_BASE);
  // Back to its base size at its top-left corner (inside where it was, so it overlaps nothing new).
  function restToBase(w) {
    const r = w.rect, b = baseOf(w);
    if (!Array.isArray(r) || r.length !== 4 || (r[2] <= b[0] && r[3] <= b[1])) return;
    w.rect = [r[0], r[1], Math.min(r[2], b[0]), Math.min(r[3], b[1])];
  }
  // The lobby widget a problem is about ("scene.widgets[3].text.sv" of the lobby), or null.
  function nameWidget(p, hub = hubEntry()) {
    const m = hub && fileOf(p) === hub.name && p.code === 'overflow' && /^scene\.widgets\[(\d+)\]\.text(?:\.(fi|sv|en))?$/.exec(p.path || '');
    const w = m && hub.body.scene.widgets[Number(m[1])];
    return followsName(w) ? { w, lang: m[2] || 'fi' } : null;
  }
  // A place for a w x hh widget on the lobby picture that overlaps no other widget (6 apart, as the
  // doors are): where it is if it still fits there, else the free place nearest to it; none free:
  // where it is, kept inside the picture.
  function placeFor(scene, self, w, hh) {
    const [W, H] = scene.size || [800, 560];
    const others = (scene.widgets || []).filter((x) => x !== self && Array.isArray(x.rect) && x.rect.length === 4).map((x) => x.rect);
    const free = (x, y) => others.every(([rx, ry, rw, rh]) => x + w + 6 <= rx || rx + rw + 6 <= x || y + hh + 6 <= ry || ry + rh + 6 <= y);
    const [x0, y0] = self.rect;
    const cx = Math.max(8, Math.min(x0, W - 8 - w)), cy = Math.max(8, Math.min(y0, H - 8 - hh));
    let best = [cx, cy], far = free(cx, cy) ? 0 : Infinity;
    for (let y = 8; far && y + hh <= H - 8; y += 4) {
      for (let x = 8; x + w <= W - 8; x += 4) {
        const d = (x - x0) ** 2 + (y - y0) ** 2;
        if (d < far && free(x, y)) { far = d; best = [x, y]; }
      }
    }
    return [...best, w, hh];
  }
  const grows = (p, hub = hubEntry()) => (p.fit && p.fit[0] <= DOOR_MAX[0] && p.fit[1] <= DOOR_MAX[1] && nameWidget(p, hub)) || null;
  // Grows the doors the problems ask to (their "fit"); true when one grew (the lobby is saved).
  // stale: the lobby was changed after this check began (a name typed meanwhile, the door put back
  // to its base size): its sizes are for a name no longer there, and the check after the save
  // says the right ones, so nothing grows now.
  function followDoors(list, stale = false) {
    const hub = hubEntry();
    let grew = false;
    if (stale) return false;
    for (const p of list) {
      const d = grows(p, hub);
      if (!d) continue;
      const r = d.w.rect;
      if (r[2] >= p.fit[0] && r[3] >= p.fit[1]) continue; // grown already (a check of the lobby before)
      // the checker's size holds the lines edge to edge; 8 more gives them air (taller only holds more)
      d.w.rect = placeFor(hub.body.scene, d.w, Math.max(r[2], p.fit[0]), Math.max(r[3], p.fit[1] + 8));
      grew = true;
    }
    if (grew) {
      changed(hub.name);
      if (doc && doc.name === hub.name) renderEditor();
      status(() => t('doorGrew'));
    }
    return grew;
  }
  // The checker's problems less those of a door that has just grown to hold its name (the next
  // check reads the grown door).
  function withoutFollowed(list, stale = false) {
    if (!followDoors(list, stale) && !stale) return list;
    return list.filter((p) => !grows(p));
  }
  // How far the lobby has been edited (hubEdits), to tell whether a check read the lobby as it is.
  const hubEdits = () => { const hub = hubEntry(); return hub ? `${hub.edits || 0}` : ''; };
  // The path of the last door's last hint in the lobby (the one rewriteFinalHint writes), as a
  // pattern with the language captured; null when this room is not named in it.
  function hintPlace(hub) {
    const game = files.get('game.json');
    const k = (hub.body.puzzles || []).findIndex((p) => p.kind === 'code' && p.final);
    const room = game && (game.body.rooms || []).find((r) => r.id === doc.body.id);
    if (k < 0 || !room || room.required === false) return null;
    const n = (hub.body.puzzles[k].hints || []).length;
    return { re: new RegExp(`^puzzles\\[${k}\\]\\.hints\\[${n > 1 ? n - 1 : 0}\\]\\.(fi|sv|en)$`) };
  }
  // What the author reads: a door's or comic button's name that fits no door is said under the
  // name field of the room or comic being edited, in her words, not as a field of hub.json.
  function shownProblems() {
    const hub = hubEntry();
    if (!doc || !doc.body || !hub || doc.name === hub.name) return problems;
    const mine = isComic() ? `comic:${doc.body.id}` : doc.body.id;
    const hint = !isComic() && hintPlace(hub);
    const under = (p, l, say) => ({ ...p, file: doc.name, path: `title.${l}`, message: say('en'), messages: Object.fromEntries(LANGS.map((k) => [k, say(k)])) });
    const seen = new Set();
    return problems.map((p) => {
      // the door's text or label lacks a language: the studio writes them of this room's name
      // (syncDoor), so it is the name's finding (said once, under the name), not the lobby's
      const dm = fileOf(p) === hub.name && p.code === 'translation' && /^scene\.widgets\[(\d+)\]\.(?:text|label)$/.exec(p.path || '');
      const dw = dm && hub.body.scene.widgets[Number(dm[1])];
      if (dw && dw.opens === mine && followsName(dw)) return { ...p, file: doc.name, path: 'title' };
      const d = nameWidget(p, hub);
      if (d && d.w.opens === mine) return under(p, d.lang, (l) => WORDS[l][isComic() ? 'nameNoButton' : 'nameNoDoor'](WORDS[l][d.lang]));
      // the last door's hint, which the studio writes of the rooms' names (rewriteFinalHint), grown
      // too long by them: said under this room's name with the checker's words (how much too long)
      const m = hint && fileOf(p) === hub.name && p.code === 'text-length' && hint.re.exec(p.path || '');
      if (m) return under(p, m[1], (l) => `${WORDS[l].nameInHint(WORDS[l][m[1]])} (${(p.messages && p.messages[l]) || p.message})`);
      return p;
    }).filter((p) => { const k = `${fileOf(p)}|${p.path}|${p.message}`; return !seen.has(k) && seen.add(k); });
  }

  // ---- where a finding is, in her words (not a file name and a JSON path) ---------------------------------
  // The checker names a field by its JSON path ("puzzles[0].options[1].explain.sv" of
  // "levels/x.json"): right for a tool, unreadable for a volunteer who never sees the JSON. The
  // list says the place as the forms name it: "Tehtävä 1 (Monivalinta) › Vaihtoehto 2 › Miksi
  // (selitys) › ruotsiksi", and another file by its name ("Aula: ..."). Only words: the finding
  // itself is the checker's.
  const PLACE = {
    fi: { puzzles: 'Tehtävä', options: 'Vaihtoehto', places: 'Kohta', steps: 'Vaihe', pairs: 'Pari', answers: 'Vastaus', hints: 'Vihje',
      widgets: 'Näkymän osa', items: 'Esine', rows: 'Rivi', pages: 'Sivu', panels: 'Ruutu', bubbles: 'Kupla', characters: 'Henkilö', rooms: 'Huone',
      game: 'Pelin tiedot', rect: 'Paikka ja koko', at: 'Paikka', whole: 'Koko tiedosto' },
    sv: { puzzles: 'Uppgift', options: 'Alternativ', places: 'Ställe', steps: 'Steg', pairs: 'Par', answers: 'Svar', hints: 'Ledtråd',
      widgets: 'Del av vyn', items: 'Föremål', rows: 'Rad', pages: 'Sida', panels: 'Ruta', bubbles: 'Pratbubbla', characters: 'Person', rooms: 'Rum',
      game: 'Spelets uppgifter', rect: 'Plats och storlek', at: 'Plats', whole: 'Hela filen' },
    en: { puzzles: 'Task', options: 'Option', places: 'Place', steps: 'Step', pairs: 'Pair', answers: 'Answer', hints: 'Hint',
      widgets: 'Part of the scene', items: 'Item', rows: 'Row', pages: 'Page', panels: 'Panel', bubbles: 'Bubble', characters: 'Character', rooms: 'Room',
      game: 'The game\'s details', rect: 'Place and size', at: 'Place', whole: 'The whole file' },
  };
  // a field's key -> the word its form field has (WORDS)
  const FIELD_WORD = { title: 'title', intro: 'intro', outro: 'outro', prompt: 'prompt', solved: 'solved', wrong: 'wrong', explain: 'explain',
    text: 'text', label: 'label', name: 'itemName', about: 'about', code_part: 'codePart', target_minutes: 'target', timer_minutes: 'timer',
    answer: 'answer', left: 'left', right: 'right', item: 'item', place: 'place', requires: 'requires', gives: 'gives', reveals: 'reveals',
    comic: 'comic', comic_intro: 'comicIntro', comic_outro: 'comicOutro', image: 'image', icon: 'icon', id: 'id', opens: 'opens',
    correct: 'correct', decoy: 'decoy', widget: 'onWidget', scene: 'scene', hidden: 'hidden', size: 'size', tone: 'tone', final: 'final',
    description: 'panelDescription', speaker: 'speaker', kind: 'kind' };
  function fileTitle(name) {
    const game = files.get('game.json');
    if (name === 'game.json') return PLACE[lang].game;
    if (game && game.body && (game.body.rooms.find((r) => r.id === game.body.hub) || {}).file === name) return t('lobby');
    const f = files.get(name);
    if (f && f.body && f.body.title) return txt(f.body.title, lang) || txt(f.body.title) || name;
    const d = content && (content.drafts || []).find((x) => x.name === name && x.title);
    if (d) return d.title;
    const c = content && (content.files || []).find((x) => x.name === name);
    return (c && (c.title || (c.meta && c.meta.title))) || name;
  }
  function placeName(file, path) {
    const body = (files.get(file) || {}).body;
    const parts = [];
    let node = body;
    for (const tok of String(path || '').match(/[A-Za-z_]+|\[\d+\]/g) || []) {
      if (tok[0] === '[') {
        const i = Number(tok.slice(1, -1)), key = parts.pop() || {};
        node = node && Array.isArray(node) ? node[i] : undefined;
        let name = `${PLACE[lang][key.key] || key.word} ${i + 1}`;
        if (key.key === 'puzzles' && node && node.kind) name += ` (${(t('kinds') || {})[node.kind] || node.kind})`;
        if (key.key === 'widgets' && node) { const x = txt(node.label || node.text, lang) || txt(node.label || node.text); if (x) name += ` (${x.slice(0, 40)})`; }
        parts.push({ word: name });
        continue;
      }
      // a text's language (a file not open here has no body to look in: a language is still one)
      if (LANGS.includes(tok) && (node === undefined || (node && typeof node === 'object' && !Array.isArray(node) && typeof node[tok] !== 'object'))) {
        parts.push({ word: t(tok) });
        node = node && node[tok];
        continue;
      }
      // a list by its heading in the forms ("Tehtävät"); one of its entries gets PLACE's word above
      const list = Array.isArray(node && node[tok]) || (PLACE[lang][tok] && !FIELD_WORD[tok]);
      const word = list && WORDS[lang][tok] ? t(tok) : FIELD_WORD[tok] ? t(FIELD_WORD[tok]) : PLACE[lang][tok] || tok;
      parts.push({ key: tok, word });
      node = node && typeof node === 'object' ? node[tok] : undefined;
    }
    return parts.filter((x, i) => !(x.key === 'scene' && i < parts.length - 1)).map((x) => x.word).join(' › ');
  }
  // "Tehtävä 1 (Monivalinta) › Tehtävänanto › ruotsiksi", with the file's name when it is not the one open
  function whereOf(p) {
    const file = fileOf(p), here = placeName(file, p.path);
    const mine = doc && file === doc.name;
    return mine ? here || PLACE[lang].whole : `${fileTitle(file)}${here ? ' › ' + here : ''}`;
  }

  function showProblems() {
    // only the messages put under fields here: a dialog's own (the publish refusal) stays, a
    // checker's answer arriving meanwhile once wiped it a moment after it was shown
    for (const el of document.querySelectorAll('.field-error[data-checker]')) el.remove();
    for (const el of document.querySelectorAll('.has-error')) { el.classList.remove('has-error'); el.removeAttribute('aria-invalid'); }
    for (const b of document.querySelectorAll('.badge[data-required]')) { // the checker's word, taken back below if it still holds
      delete b.dataset.required;
      b.className = 'badge unused';
      b.textContent = t(STATUS_WORD.unused);
    }
    const box = $('#problems');
    if (!box || !doc) return;
    const shown = shownProblems(); // a door's name under the name field (above)
    const mine = shown.filter((p) => fileOf(p) === doc.name || (doc.name !== 'game.json' && p.severity === 'error'));
    const errors = shown.filter((p) => p.severity === 'error');
    const warns = shown.length - errors.length;
    fill(box, 
      h('h2', { id: 'problems-h' }, t('problems')),
      h('p', { role: errors.length ? 'alert' : null, class: errors.length ? 'field-error' : 'muted' },
        errors.length ? t('lintErrors', errors.length) : t('lintOk'), warns ? ` (${t('lintWarn', warns)})` : ''),
      mine.length ? h('ul', { class: 'problem-list' }, mine.map((p) => h('li', { class: p.severity },
        h('a', { href: '#', onclick: (e) => { e.preventDefault(); focusPath(p.path, fileOf(p)); } },
          `${whereOf(p)}: ${msgOf(p)}`)))) : null);
    // each problem on its field: the deepest element whose path starts the problem's path
    for (const p of shown) {
      if (fileOf(p) !== doc.name || !p.path) continue;
      const el = fieldFor(p.path);
      if (!el) continue;
      const input = el.matches('input, select, textarea') ? el : el.querySelector('input, select, textarea');
      const msg = h('p', { class: 'field-error', id: `err-${Math.random().toString(36).slice(2)}`, dataset: { checker: '' } }, msgOf(p));
      el.after(msg);
      if (input && p.severity === 'error') {
        input.classList.add('has-error');
        input.setAttribute('aria-invalid', 'true');
        input.setAttribute('aria-describedby', msg.id);
      }
      // An empty text reads "empty" (optional), unless the checker calls it an error (a room's
      // opening text is required): then its badges say "missing", as the checker does. The
      // checker decides which texts are required (one rule, one place), the badge follows it.
      const set = p.severity === 'error' && (el.matches('fieldset[data-path]') ? el : el.closest('fieldset[data-path]'));
      if (set) for (const b of set.querySelectorAll(':scope > .langs .badge.unused')) {
        b.dataset.required = '1';
        b.className = 'badge missing';
        b.textContent = t(STATUS_WORD.missing);
      }
    }
    const pv = $('#preview-problems');
    if (pv) {
      pv.hidden = !errors.length;
      fill(pv, h('strong', {}, t('lintErrors', errors.length)),
        h('ul', { class: 'problem-list' }, errors.slice(0, 6).map((p) => h('li', { class: 'error' }, `${whereOf(p)}: ${msgOf(p)}`))));
    }
  }
  function fieldFor(path) {
    let best = null, bestLen = -1;
    for (const el of document.querySelectorAll('[data-path]:not(.rect)')) { // forms, not the scene
      const q = el.dataset.path;
      if ((path === q || path.startsWith(q + '.') || path.startsWith(q + '[')) && q.length > bestLen) { best = el; bestLen = q.length; }
    }
    return best;
  }
  function focusPath(path, name) {
    if (name !== doc.name) { openFile(name).then(() => focusPath(path, name)); return; }
    const el = fieldFor(path);
    if (!el) return;
    for (let d = el.closest('details'); d; d = d.parentElement.closest('details')) d.open = true;
    const input = el.matches('input, select, textarea') ? el : el.querySelector('input, select, textarea') || el;
    input.focus();
    input.scrollIntoView({ block: 'center' });
  }

  // ---- the preview --------------------------------------------------------------------------------
  // The checker's errors over the preview describe the draft they were found in; once a newer
  // draft is saved they are old, and the preview (reloading within a second) would sit under
  // a box of errors already fixed until the checker (seconds) answers. Until it does, the box
  // says the draft is being checked.
  function checkingPreview() {
    lintSeq++; // NOT A BUG: a check still on its way read an older draft: its answer is dropped
    const pv = $('#preview-problems');
    if (!pv || pv.hidden) return;
    fill(pv, h('strong', {}, t('checking')));
  }
  let previewTimer = null;
  function refreshPreview(name) {
    const frame = $('#preview-frame');
    if (!frame) return;
    clearTimeout(previewTimer);
    previewTimer = setTimeout(() => {
      const w = frame.contentWindow;
      // game.json or a new picture: the whole page; a room's text: the engine reloads in place
      if (name === 'game.json' || name.startsWith('comics/') || !w || !w.pakopeli) frame.src = previewUrl();
      else if (w.pakopeli.reload) w.pakopeli.reload(); // wakes the engine at once (it polls only every 0.5 s when idle)
      else w.pakopeli.reloadRequested = true;
    }, 150);
  }
  // The game focuses its canvas when it (re)loads; the preview must not take the author's
  // cursor away from the field or rectangle they are working on. Focus may go into the preview
  // only by the author's own hand: Tab, or the pointer over it.
  let lastTab = 0, overPreview = false, keepFocus = null;
  document.addEventListener('keydown', (e) => { if (e.key === 'Tab') lastTab = Date.now(); }, true);
  document.addEventListener('focusin', (e) => { if (e.target.id !== 'preview-frame') keepFocus = e.target; });
  window.addEventListener('blur', () => setTimeout(() => {
    const frame = $('#preview-frame');
    if (!frame || document.activeElement !== frame || overPreview || Date.now() - lastTab < 1000) return;
    if (keepFocus && keepFocus.isConnected) keepFocus.focus({ preventScroll: true });
  }, 0));
  // Tab through the game in the preview leads out of it again (WCAG 2.1.2, no keyboard trap).
  // Past its last control the game puts focus on its closing hint, and the next Tab wrapped to
  // the game's own skip link: a keyboard-only author could never Tab on from the scene to the
  // forms. A last stop at the end of the preview's page sends focus on to what follows the
  // preview here (or, after Shift+Tab wrapped round from the skip link, to what comes before it);
  // reached from here by Shift+Tab, it hands focus to the game.
  const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]):not([type=hidden]), select:not([disabled]), textarea:not([disabled]), iframe, [tabindex]:not([tabindex="-1"])';
  function focusBeside(frame, step) {
    const all = [...document.querySelectorAll(FOCUSABLE)].filter((e) => e === frame || (!e.closest('[hidden]') && e.getClientRects().length));
    const next = all[all.indexOf(frame) + step];
    lastTab = Date.now();
    if (next) next.focus(); else frame.blur();
  }
  function watchPreview(frame) {
    frame.addEventListener('mouseenter', () => { overPreview = true; });
    frame.addEventListener('mouseleave', () => { overPreview = false; });
    frame.addEventListener('load', () => {
      let d = null;
      try { d = frame.contentDocument; } catch (e) { /* not ours */ }
      if (!d || !d.body || d.getElementById('studio-tab-out')) return;
      let back = false; // the last Tab in the preview was Shift+Tab
      d.addEventListener('keydown', (e) => { if (e.key === 'Tab') back = e.shiftKey; }, true);
      const out = d.createElement('span');
      out.id = 'studio-tab-out';
      out.tabIndex = 0;
      out.style.cssText = 'position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)';
      out.addEventListener('focus', (e) => {
        if (!e.relatedTarget) { // came in from the studio with Shift+Tab: into the game
          const c = d.getElementById('canvas');
          if (c) c.focus();
          return;
        }
        focusBeside(frame, back ? -1 : 1);
      });
      d.body.append(out);
    });
  }
  // The preview as a player sees it on a computer or on a phone (a frame as wide as a phone's
  // screen, 390 x 740 CSS px: the game lays itself out for the frame's size, as for a phone's
  // window), so she sees the phone's layout without a phone or a developer's tools. Remembered.
  const PREVIEW_SIZES = ['laptop', 'phone'];
  let previewSize = (() => { try { return PREVIEW_SIZES.find((k) => k === localStorage.getItem('pakopeli.studio.previewSize')) || 'laptop'; } catch (e) { return 'laptop'; } })();
  function setPreviewSize(k) {
    previewSize = k;
    try { localStorage.setItem('pakopeli.studio.previewSize', k); } catch (e) { /* private mode: for this page only */ }
    const sec = $('#preview');
    if (!sec) return;
    for (const x of PREVIEW_SIZES) sec.classList.toggle(x, x === k);
    for (const b of sec.querySelectorAll('.sizes button')) b.setAttribute('aria-pressed', String(b.id === `preview-${k}`));
  }
  const isComic = () => !!(doc && doc.name.startsWith('comics/'));
  const previewUrl = () => `/studio/preview/?${isComic() ? 'comic' : 'room'}=${encodeURIComponent(doc.body && doc.body.id || '')}&lang=${lang}&t=${Date.now()}`;

  // ---- login ------------------------------------------------------------------------------------------
  function showLogin() {
    $('#logout').hidden = true;
    $('#who').textContent = '';
    const form = h('form', { class: 'narrow card', onsubmit: async (e) => {
      e.preventDefault();
      const fd = new FormData(form);
      try {
        session = await api('POST', 'hr/login', { user: fd.get('user'), password: fd.get('password') });
        if (session.must_change) showPassword(fd.get('password')); else start();
      } catch (err) { status(() => errText(err), 'bad'); $('#login-user').focus(); }
    } },
    h('div', { class: 'form-row' }, h('label', { for: 'login-user' }, t('user')), h('input', { id: 'login-user', name: 'user', autocomplete: 'username', required: true })),
    h('div', { class: 'form-row' }, h('label', { for: 'login-pw' }, t('password')), h('input', { id: 'login-pw', name: 'password', type: 'password', autocomplete: 'current-password', required: true })),
    h('button', { class: 'primary', type: 'submit' }, t('login')));
    fill($('#main'), h('h1', {}, t('loginTitle')), form);
    $('#login-user').focus();
  }
  function showPassword(old) {
    const form = h('form', { class: 'narrow card', onsubmit: async (e) => {
      e.preventDefault();
      try {
        session = await api('POST', 'hr/password', { old, new: new FormData(form).get('new') });
        start();
      } catch (err) { status(() => errText(err), 'bad'); }
    } },
    h('div', { class: 'form-row' }, h('label', { for: 'new-pw' }, t('newPassword')), h('input', { id: 'new-pw', name: 'new', type: 'password', autocomplete: 'new-password', required: true, minlength: 12 })),
    h('button', { class: 'primary', type: 'submit' }, t('setPassword')));
    fill($('#main'), h('h1', {}, t('passwordTitle')), form);
    $('#new-pw').focus();
  }

  // ---- the room list ----------------------------------------------------------------------------------------
  async function start() {
    await loadRules();
    $('#logout').hidden = false;
    $('#who').textContent = session.user;
    location.hash = location.hash || '#rooms';
    route();
  }
  async function showRooms() {
    doc = null;
    content = await api('GET', 'studio/content');
    const drafts = new Map(content.drafts.map((d) => [d.name, d]));
    const game = (await loadFile('game.json')).body;
    const rooms = (game.rooms || []).map((r) => ({ ...r, meta: content.files.find((f) => f.name === r.file) || { title: r.id } }));
    for (const d of content.drafts) if (!rooms.some((r) => r.file === d.name) && d.name !== 'game.json' && !d.name.startsWith('comics/') && !d.removes) rooms.push({ id: d.name.replace(/\.json$/, ''), file: d.name, meta: { title: d.title } });
    const list = h('ul', { class: 'rooms' }, rooms.length ? rooms.map((r) => h('li', {},
      h('a', { href: `#file=${encodeURIComponent(r.file)}` }, r.id === game.hub ? `${t('lobby')}: ${r.meta.title}` : (drafts.get(r.file) && drafts.get(r.file).title) || r.meta.title || r.id),
      drafts.has(r.file) ? h('span', { class: 'badge draft' }, t('draft')) : null,
      // no file name under it ("hub.json"): she knows a room by its name, and the link opens it
      )) : h('li', {}, t('noRooms')));
    const rel = h('ul', {}, content.releases.slice(0, 8).map((r) => h('li', {},
      `${t('release')} ${r.release} · ${new Date(r.at).toLocaleString(lang)} · ${who(r)}`)));
    const comicList = h('ul', { class: 'rooms', id: 'comic-list' }, comicEntries().map((f) => h('li', {},
      h('a', { href: `#file=${encodeURIComponent(f.name)}` }, f.title || f.id),
      drafts.has(f.name) ? h('span', { class: 'badge draft' }, t('draft')) : null)));
    fill($('#main'), 
      h('h1', {}, t('rooms')),
      h('div', { class: 'toolbar' }, h('button', { type: 'button', class: 'primary', id: 'new-room', onclick: newRoomDialog }, t('newRoom'))),
      list, h('h2', {}, t('comicsTitle')), h('p', { class: 'muted' }, t('comicsNote')),
      h('div', { class: 'toolbar' }, h('button', { type: 'button', class: 'primary', id: 'new-comic', onclick: newComicDialog }, t('newComic'))), comicList, h('h2', {}, t('releases')), rel);
    $('#main').focus();
  }

  // ---- creating and removing a room (the whole game stays whole) ----------------------------------------------
  function finalDoor(hub) { return (hub.puzzles || []).find((p) => p.kind === 'code' && p.final); }
  // The last door's last hint names the rooms in the order of their code parts (game.json's order); a first
  // hint before it only nudges ("read the doors like a line of text"), so the answer is not the first thing shown.
  function rewriteFinalHint(game, hub, titles) {
    const door = finalDoor(hub);
    if (!door) return;
    const names = (game.rooms || []).filter((r) => r.id !== game.hub && r.required !== false).map((r) => titles(r));
    const lead = { fi: 'Järjestys on sama kuin ovien: ', sv: 'Ordningen är samma som dörrarnas: ', en: 'The order is the doors\' order: ' };
    const hint = {};
    for (const l of LANGS) hint[l] = lead[l] + names.map((n) => txt(n, l) || txt(n, 'fi')).join(', ') + '.';
    door.hints = door.hints && door.hints.length ? door.hints : [];
    door.hints[door.hints.length > 1 ? door.hints.length - 1 : 0] = hint;
  }
  function doorTitles(hub) {
    return (r) => {
      const w = (hub.scene.widgets || []).find((x) => x.opens === r.id);
      return w ? w.text : r.id;
    };
  }
  function freeDoorRect(hub) {
    const doors = (hub.scene.widgets || []).filter((w) => w.opens && !String(w.opens).startsWith('comic:'));
    const last = doors[doors.length - 1];
    const [W, H] = hub.scene.size || [800, 560];
    if (!last) return [24, 196, ...DOOR_BASE];
    let [x, y, w, hh] = last.rect;
    x += w + 16;
    [w, hh] = DOOR_BASE; // not the last door's size: it may have grown to its long name
    if (x + w > W) { x = 24; y = Math.min(H - hh - 8, y + last.rect[3] + 16); }
    return [x, y, w, hh];
  }

  // The lobby door of a room says the room's name: it follows the title as it is typed.
  const DOOR = { fi: 'Ovi: ', sv: 'Dörr: ', en: 'Door: ' };
  function syncDoor(l, value) {
    const game = files.get('game.json');
    if (!game || !doc.body.id || doc.body.id === game.body.hub) return;
    const hubFile = (game.body.rooms.find((r) => r.id === game.body.hub) || {}).file;
    const hub = hubFile && files.get(hubFile);
    const door = hub && (hub.body.scene.widgets || []).find((w) => w.opens === doc.body.id);
    if (!door) return;
    for (const key of ['text', 'label']) {
      if (typeof door[key] !== 'object' || !door[key]) door[key] = { fi: txt(door[key]) };
      door[key][l] = key === 'label' ? DOOR[l] + value : value;
    }
    restToBase(door); // the checker sizes it to the new name (followDoors): smaller too
    rewriteFinalHint(game.body, hub.body, doorTitles(hub.body));
    changed(hubFile);
  }

  function newRoomDialog() {
    const dlg = h('dialog', { 'aria-labelledby': 'new-room-h' });
    const form = h('form', { method: 'dialog', onsubmit: async (e) => {
      e.preventDefault();
      const fd = new FormData(form);
      const title = Object.fromEntries(LANGS.map((l) => [l, String(fd.get(l) || '').trim()]));
      if (!title.fi) return;
      dlg.close();
      dlg.remove();
      await createRoom(title);
    } },
    h('h2', { id: 'new-room-h' }, t('newRoom')),
    // the name in all three languages at once, as a new comic's: the lobby door says it in each
    // (with the Finnish name only, the checker's first words were about a door in the lobby)
    LANGS.map((l) => h('div', { class: 'form-row' }, h('label', { for: l === 'fi' ? 'new-room-name' : `new-room-${l}` }, `${t('roomName')} ${t(l)}`),
      h('input', { id: l === 'fi' ? 'new-room-name' : `new-room-${l}`, name: l, lang: l, required: l === 'fi', size: 40 }))),
    h('div', { class: 'toolbar' }, h('button', { type: 'submit', class: 'primary' }, t('create')),
      h('button', { type: 'button', onclick: () => { dlg.close(); dlg.remove(); } }, t('cancel'))));
    dlg.append(form);
    document.body.append(dlg);
    dlg.showModal();
    $('#new-room-name').focus();
  }

  async function createRoom(title) {
    const titleFi = title.fi;
    const game = files.get('game.json') || await loadFile('game.json');
    const hubFile = (game.body.rooms.find((r) => r.id === game.body.hub) || {}).file;
    const hub = hubFile && (files.get(hubFile) || await loadFile(hubFile));
    let id = slug(titleFi);
    while (game.body.rooms.some((r) => r.id === id)) id += '-2';
    const file = `${id}.json`;
    const used = new Set((await Promise.all(game.body.rooms.filter((r) => r.id !== game.body.hub).map((r) => api('GET', `studio/file?name=${r.file}`).catch(() => null))))
      .map((f) => f && (f.draft || f.published) && (f.draft || f.published).body && (f.draft || f.published).body.code_part));
    let part = 1;
    while (used.has(String(part))) part++;
    const room = {
      id, title: { fi: titleFi, sv: title.sv || '', en: title.en || '' }, intro: { fi: '', sv: '', en: '' }, outro: { fi: '', sv: '', en: '' },
      code_part: String(part % 10), target_minutes: 10, items: [],
      scene: { size: [800, 560], widgets: [] }, puzzles: [],
    };
    files.set(file, { name: file, body: room, revision: 0 });
    changed(file);
    game.body.rooms.push({ id, file });
    changed('game.json');
    if (hub) {
      hub.body.scene.widgets.push({ id: `door-${id}`, type: 'button', rect: freeDoorRect(hub.body), opens: id,
        text: { fi: titleFi, sv: title.sv || '', en: title.en || '' },
        label: Object.fromEntries(LANGS.map((l) => [l, title[l] ? DOOR[l] + title[l] : ''])) });
      rewriteFinalHint(game.body, hub.body, doorTitles(hub.body));
      changed(hubFile);
    }
    await flushSaves();
    status(() => t('created'));
    location.hash = `#file=${encodeURIComponent(file)}`;
  }

  async function removeRoom() {
    const title = txt(doc.body.title) || doc.body.id;
    if (!confirm(t('removeAsk', title))) return;
    const game = await loadFile('game.json');
    const hubFile = (game.body.rooms.find((r) => r.id === game.body.hub) || {}).file;
    const hub = hubFile && await loadFile(hubFile);
    const id = doc.body.id;
    game.body.rooms = game.body.rooms.filter((r) => r.id !== id);
    changed('game.json');
    if (hub) {
      hub.body.scene.widgets = hub.body.scene.widgets.filter((w) => w.opens !== id);
      rewriteFinalHint(game.body, hub.body, doorTitles(hub.body));
      changed(hubFile);
    }
    const f = files.get(doc.name);
    f.body = null; // a draft that removes the file
    changed(doc.name);
    await flushSaves();
    location.hash = '#rooms';
  }

  // ---- making and removing a comic (players reach it from the lobby) -----------------------------------------
  // The comics: the published ones and the drafts, less those a draft removes.
  function comicEntries() {
    const drafts = new Map(((content && content.drafts) || []).filter((d) => d.name.startsWith('comics/')).map((d) => [d.name, d]));
    const out = ((content && content.files) || []).filter((f) => f.kind === 'comic' && !(drafts.get(f.name) || {}).removes)
      .map((f) => ({ ...f, title: (drafts.get(f.name) && drafts.get(f.name).title) || f.title }));
    for (const d of drafts.values()) {
      if (!d.removes && !out.some((f) => f.name === d.name)) out.push({ name: d.name, id: d.name.slice(7, -5), title: d.title, kind: 'comic' });
    }
    return out;
  }
  // A place of w x h on the scene that no widget covers, read like a page (game/tools/new_content.py
  // finds it the same way for make new-comic), else the lower left corner.
  function freeSpot(room, w, hh) {
    const [W, H] = room.scene.size || [800, 560];
    const rects = (room.scene.widgets || []).map((x) => x.rect).filter((r) => Array.isArray(r) && r.length === 4);
    for (let y = 16; y < H - hh - 7; y += 8) {
      for (let x = 16; x < W - w - 7; x += 8) {
        if (rects.every(([rx, ry, rw, rh]) => x + w + 8 <= rx || rx + rw + 8 <= x || y + hh + 8 <= ry || ry + rh + 8 <= y)) return [x, y, w, hh];
      }
    }
    return [16, H - hh - 16, w, hh];
  }
  const COMIC_LABEL = { fi: 'Sarjakuva: ', sv: 'Serie: ', en: 'Comic: ' };
  // The lobby button that the studio made for a comic says the comic's name as it is typed (a
  // button the author wrote themselves, such as "The comic on the desk", is left as it is).
  function syncComicButton(l, value) {
    const game = files.get('game.json');
    const hubFile = game && (game.body.rooms.find((r) => r.id === game.body.hub) || {}).file;
    const hub = hubFile && files.get(hubFile);
    const button = hub && (hub.body.scene.widgets || []).find((w) => w.id === `comic-${doc.body.id}` && w.opens === `comic:${doc.body.id}`);
    if (!button) return;
    for (const key of ['text', 'label']) {
      if (typeof button[key] !== 'object' || !button[key]) button[key] = { fi: txt(button[key]) };
      button[key][l] = key === 'label' ? COMIC_LABEL[l] + value : value;
    }
    restToBase(button);
    changed(hubFile);
  }
  const PAGE_SHAPES = [['landscape', [1200, 800]], ['portrait', [800, 1200]], ['square', [1000, 1000]]];
  function newComicDialog() {
    const dlg = h('dialog', { 'aria-labelledby': 'new-comic-h' });
    const form = h('form', { method: 'dialog', onsubmit: async (e) => {
      e.preventDefault();
      const fd = new FormData(form);
      const title = Object.fromEntries(LANGS.map((l) => [l, String(fd.get(l) || '').trim()]));
      if (!title.fi) return;
      const shape = PAGE_SHAPES.find(([k]) => k === fd.get('shape')) || PAGE_SHAPES[0];
      dlg.close();
      dlg.remove();
      await createComic(title, shape[1]);
    } },
    h('h2', { id: 'new-comic-h' }, t('newComic')),
    LANGS.map((l) => h('div', { class: 'form-row' }, h('label', { for: `new-comic-${l}` }, `${t('comicName')} ${t(l)}`),
      h('input', { id: `new-comic-${l}`, name: l, lang: l, required: l === 'fi', size: 40 }))),
    h('div', { class: 'form-row' }, h('label', { for: 'new-comic-shape' }, t('pageShape')),
      h('select', { id: 'new-comic-shape', name: 'shape' }, PAGE_SHAPES.map(([k, [w, hh]]) => h('option', { value: k }, `${t('shape_' + k)} (${w} × ${hh})`)))),
    h('p', { class: 'muted' }, t('newComicNote')),
    h('div', { class: 'toolbar' }, h('button', { type: 'submit', class: 'primary' }, t('createComic')),
      h('button', { type: 'button', onclick: () => { dlg.close(); dlg.remove(); } }, t('cancel'))));
    dlg.append(form);
    document.body.append(dlg);
    dlg.showModal();
    $('#new-comic-fi').focus();
  }
  // A comic is a file under comics/, listed in game.json's "comics", with a first page and panel,
  // and a button in the lobby that opens it (a comic that no room opens is never seen: the
  // linter's comic-unreached).
  async function createComic(title, [W, H]) {
    const game = files.get('game.json') || await loadFile('game.json');
    const hubFile = (game.body.rooms.find((r) => r.id === game.body.hub) || {}).file;
    const hub = hubFile && (files.get(hubFile) || await loadFile(hubFile));
    const taken = new Set([...(game.body.comics || []).map((c) => c.id), ...comicEntries().map((c) => c.id)]);
    let id = slug(title.fi);
    if (id === 'huone') id = 'sarjakuva';
    while (taken.has(id)) id += '-2';
    const file = `comics/${id}.json`;
    const body = { id, title, characters: [], page_size: [W, H],
      pages: [{ panels: [{ rect: [24, 24, W - 48, H - 48], image: 'assets/templates/panel.svg', description: emptyText(), bubbles: [] }] }] };
    files.set(file, { name: file, body, revision: 0 });
    changed(file);
    if (!Array.isArray(game.body.comics)) game.body.comics = [];
    game.body.comics.push({ id, file });
    changed('game.json');
    if (hub) {
      const label = {};
      for (const l of LANGS) label[l] = COMIC_LABEL[l] + (title[l] || title.fi);
      hub.body.scene.widgets.push({ id: `comic-${id}`, type: 'button', rect: freeSpot(hub.body, ...BUTTON_BASE), opens: `comic:${id}`,
        text: { ...title }, label });
      changed(hubFile);
    }
    await flushSaves();
    content = await api('GET', 'studio/content');
    status(() => t('comicCreated'));
    location.hash = `#file=${encodeURIComponent(file)}`;
  }
  // Removing a comic removes what opens it: its entry in game.json, the buttons that open it (and
  // their mention in a puzzle's "reveals"), a room's comic before or after it, a puzzle's comic.
  async function removeComic() {
    const title = txt(doc.body.title) || doc.body.id;
    if (!confirm(t('removeComicAsk', title))) return;
    const id = doc.body.id, name = doc.name;
    const game = await loadFile('game.json');
    const n = (game.body.comics || []).length;
    if (n) game.body.comics = game.body.comics.filter((c) => c.id !== id && c.file !== name);
    if (n !== (game.body.comics || []).length) changed('game.json');
    for (const ref of game.body.rooms || []) {
      const f = await loadFile(ref.file).catch(() => null);
      const r = f && f.body;
      if (!r) continue;
      let touched = false;
      const gone = new Set((r.scene && r.scene.widgets || []).filter((w) => w.opens === `comic:${id}`).map((w) => w.id));
      if (gone.size) { r.scene.widgets = r.scene.widgets.filter((w) => !gone.has(w.id)); touched = true; }
      for (const key of ['comic_intro', 'comic_outro']) if (r[key] === id) { delete r[key]; touched = true; }
      for (const pz of r.puzzles || []) {
        const g = pz.gives;
        if (!g) continue;
        if (g.comic === id) { delete g.comic; touched = true; }
        if (Array.isArray(g.reveals) && g.reveals.some((w) => gone.has(w))) { g.reveals = g.reveals.filter((w) => !gone.has(w)); touched = true; }
      }
      if (touched) changed(ref.file);
    }
    const f = files.get(name);
    f.body = null; // a draft that removes the file
    changed(name);
    await flushSaves();
    status(() => t('comicRemoved'));
    location.hash = '#rooms';
  }
  // The page's size: a shape to pick, or width and height. The panels (and so their bubbles,
  // which are placed in per cent of their panel) are scaled with the page, so they stay on it;
  // a size the game does not take is the linter's to say (on this field), and the panels are
  // not scaled to it nor back from it.
  function resizePages(size) {
    const c = doc.body;
    const [W0, H0] = c.page_size || [1200, 800];
    const [W, H] = size;
    const ok = (w, hh) => w >= 200 && w <= 4000 && hh >= 200 && hh <= 4000;
    if (ok(W, H) && ok(W0, H0)) {
      for (const pg of c.pages || []) {
        if (pg.size) continue; // a page of its own size keeps it
        for (const pn of pg.panels || []) {
          if (!Array.isArray(pn.rect)) continue;
          const [x, y, w, hh] = pn.rect;
          pn.rect = [Math.round(x * W / W0), Math.round(y * H / H0), Math.round(w * W / W0), Math.round(hh * H / H0)];
        }
      }
    }
    c.page_size = [W, H];
    changed();
    renderEditor();
    announce(t('pageResized', W, H));
  }
  function pageSizeRow() {
    const c = doc.body;
    const [W, H] = c.page_size || [1200, 800];
    const cur = PAGE_SHAPES.find(([, [w, hh]]) => w === W && hh === H);
    const num = (i, label) => {
      const id = `f-page_size_${i}`;
      const input = h('input', { id, type: 'number', min: 200, max: 4000, step: 10, dataset: { path: `page_size[${i}]` }, onchange: (e) => {
        const v = Number(e.target.value);
        if (!v) return;
        resizePages(i ? [W, v] : [v, H]);
      } });
      input.value = i ? H : W;
      return h('div', { class: 'form-row' }, h('label', { for: id }, label), input);
    };
    return h('fieldset', { dataset: { path: 'page_size' } }, h('legend', {}, t('pageSize')),
      h('div', { class: 'row' },
        h('div', { class: 'form-row' }, h('label', { for: 'page-shape' }, t('pageShape')),
          h('select', { id: 'page-shape', onchange: (e) => { const p = PAGE_SHAPES.find(([k]) => k === e.target.value); if (p) resizePages(p[1]); } },
            PAGE_SHAPES.map(([k, [w, hh]]) => { const o = h('option', { value: k }, `${t('shape_' + k)} (${w} × ${hh})`); o.selected = cur && cur[0] === k; return o; }),
            cur ? null : (() => { const o = h('option', { value: 'custom' }, `${t('shapeCustom')} (${W} × ${H})`); o.selected = true; return o; })())),
        num(0, t('pageW')), num(1, t('pageH'))),
      h('p', { class: 'muted' }, t('pageSizeNote')));
  }

  // ---- the editor -------------------------------------------------------------------------------------------
  async function openFile(name) {
    content = content || await api('GET', 'studio/content');
    if (name !== 'game.json') {
      const game = files.get('game.json') || await loadFile('game.json');
      const hubFile = (game.body.rooms.find((r) => r.id === game.body.hub) || {}).file;
      if (hubFile && hubFile !== name && !files.get(hubFile)) await loadFile(hubFile);
    }
    doc = await loadFile(name);
    if (!doc.body) { location.hash = '#rooms'; return; }
    rendered = null;
    comicPage = 0;
    renderEditor();
    if (doc.conflict) showConflict(name, doc.conflict.mine, doc.conflict.theirs);
    runLint();
  }

  // The preview frame stays when the forms are drawn again (moving or rebuilding an iframe
  // reloads the game): only a new file builds the whole page.
  let rendered = null;
  function renderEditor() {
    const isGame = doc.name === 'game.json'; // shown as the file, edited by import
    const comic = isComic();
    const scene = () => (comic ? renderComicScene() : renderScene());
    const forms = () => (isGame ? jsonView() : comic ? comicForm() : roomForm());
    if (rendered === doc.name && $('#preview-frame') && $('#forms')) {
      const y = window.scrollY;
      if ($('#scene-section')) $('#scene-section').replaceWith(scene());
      $('#forms').replaceWith(forms());
      $('#editor-h').textContent = txt(doc.body.title) || doc.name;
      if (!isGame && !comic) showStats();
      showProblems();
      window.scrollTo(0, y);
      return;
    }
    rendered = doc.name;
    const left = h('div', { class: 'left' },
      isGame ? null : scene(),
      h('section', { class: `preview ${previewSize}`, id: 'preview', 'aria-label': t('preview') },
        h('div', { class: 'toolbar' }, h('h2', {}, t('preview')),
          h('button', { type: 'button', onclick: () => { $('#preview-frame').src = previewUrl(); } }, t('reloadPreview')),
          h('span', { class: 'sizes', role: 'group', 'aria-label': t('previewSize') }, `${t('previewSize')}: `,
            PREVIEW_SIZES.map((k) => h('button', { type: 'button', id: `preview-${k}`, 'aria-pressed': String(k === previewSize), onclick: () => setPreviewSize(k) },
              t(k === 'phone' ? 'sizePhone' : 'sizeLaptop'))))),
        (() => { const f = h('iframe', { id: 'preview-frame', title: t('preview'), src: previewUrl() }); watchPreview(f); return f; })(),
        h('div', { id: 'preview-problems', class: 'problems', role: 'alert', tabindex: 0, hidden: true })));
    const right = h('div', { class: 'right' },
      h('section', { id: 'problems', 'aria-labelledby': 'problems-h' }),
      isGame || comic ? null : h('section', { id: 'stats', class: 'card', 'aria-labelledby': 'stats-h', hidden: true }),
      forms());
    const hubId = files.get('game.json') && files.get('game.json').body.hub;
    if (!isGame && !comic) setTimeout(budget, 0); // what is left of the first load, before any upload
    fill($('#main'), 
      h('p', {}, h('a', { href: '#rooms' }, '← ' + t('back'))),
      h('h1', { id: 'editor-h' }, txt(doc.body.title) || doc.name),
      h('div', { class: 'toolbar' },
        h('button', { type: 'button', class: 'primary', id: 'publish', onclick: publishDialog }, t('publish')),
        h('button', { type: 'button', onclick: versionsDialog }, t('versions')),
        h('a', { class: 'button', href: `/api/v1/studio/export?name=${encodeURIComponent(doc.name)}`, download: doc.name.split('/').pop() }, t('exportFile')),
        h('label', { class: 'button' }, t('importFile'), h('input', { type: 'file', accept: '.json,application/json', class: 'sr-only', onchange: importFile })),
        doc.draft ? h('button', { type: 'button', onclick: discardDraft }, t('discard')) : null,
        !isGame && !comic && doc.body.id !== hubId ? h('button', { type: 'button', class: 'danger', onclick: removeRoom }, t('removeRoom')) : null,
        comic ? h('button', { type: 'button', class: 'danger', id: 'remove-comic', onclick: removeComic }, t('removeComic')) : null),
      h('div', { class: 'editor' }, left, right));
    showProblems();
    if (!isGame && !comic) showStats(); // once its box is in the page (asked before, it found none)
  }

  // How players did and what they said, beside the room and each puzzle (no names).
  async function showStats() {
    const box = $('#stats');
    if (!box || !doc.body.id) return;
    let st;
    try { st = await api('GET', `studio/stats?room=${encodeURIComponent(doc.body.id)}`); } catch (e) { box.remove(); return; }
    const sec = (ms) => (ms == null ? '–' : ms < 60000 ? `${Math.round(ms / 1000)} s` : `${(ms / 60000).toFixed(1)} min`);
    const num = (x) => x.toLocaleString(lang, { maximumFractionDigits: 1 });
    const line = (a) => t('statLine', a.players, a.solved, sec(a.median_ms), num(a.mistakes_per_player), num(a.hints_per_player));
    const rated = st.ratings.reduce((x, y) => x + y, 0);
    const avg = rated ? st.ratings.reduce((x, y, i) => x + y * (i + 1), 0) / rated : 0;
    box.hidden = false; // an empty card until the answer came
    fill(box, h('h2', { id: 'stats-h' }, t('statsTitle')),
      st.summary ? h('p', {}, line(st.summary)) : h('p', { class: 'muted' }, t('noPlayers')),
      rated ? h('p', {}, t('ratingLine', num(avg), rated)) : null,
      st.comments.length ? h('details', {}, h('summary', {}, t('comments', st.comments.length)),
        h('ul', {}, st.comments.slice(0, 20).map((c) => h('li', {}, `${new Date(c.at).toLocaleDateString(lang)}${c.rating ? ` (${c.rating}/5)` : ''}: ${c.text}`)))) : null);
    for (const p of st.puzzles) {
      const k = (doc.body.puzzles || []).findIndex((x) => x.id === p.puzzle);
      const d = k >= 0 && document.querySelector(`details.item[data-path="puzzles[${k}]"] > summary`);
      if (d) d.after(h('p', { class: 'muted stat' }, line(p)));
    }
  }

  function jsonView() {
    return h('pre', { class: 'card', id: 'forms' }, JSON.stringify(doc.body, null, 2));
  }

  const STATUS_WORD = { missing: 'stMissing', same: 'stSame', sameAll: 'stSameAll', done: 'stDone', unused: 'stUnused' };
  // A text in fi, sv and en side by side, each with its status.
  function text3(path, label, { multi = false } = {}) {
    const value = getPath(doc.body, path);
    const fs = h('fieldset', { dataset: { path: pathText(path) } }, h('legend', {}, label));
    const grid = h('div', { class: 'langs' });
    for (const l of LANGS) {
      const st0 = langStatus(value, l, pathText(path));
      const badge = h('span', { class: `badge ${st0}` }, t(STATUS_WORD[st0]));
      const id = `f-${pathText(path).replace(/[^a-z0-9]/gi, '_')}-${l}`;
      const input = h(multi ? 'textarea' : 'input', { id, lang: l, dataset: { path: `${pathText(path)}.${l}` }, oninput: (e) => {
        let v = getPath(doc.body, path);
        v = typeof v === 'object' && v ? v : { fi: typeof v === 'string' ? v : '' };
        v[l] = e.target.value;
        // a name written in Finnish only is one text for every language (the linter's rule)
        if (isOneText(pathText(path)) && !txt(v, 'sv').trim() && !txt(v, 'en').trim()) v = txt(v, 'fi');
        setPath(doc.body, path, v);
        for (const ll of LANGS) {
          const b = grid.querySelector(`[data-badge="${ll}"]`);
          const st = langStatus(v, ll, pathText(path));
          b.className = `badge ${st}`;
          b.textContent = t(STATUS_WORD[st]);
        }
        if (path.length === 1 && path[0] === 'title') {
          if (l === 'fi') $('#editor-h').textContent = e.target.value;
          if (isComic()) syncComicButton(l, e.target.value); else syncDoor(l, e.target.value);
        }
        changed();
      } });
      input.value = typeof value === 'string' ? (l === 'fi' ? value : '') : txt(value, l);
      if (st0 === 'sameAll' && l !== 'fi') input.placeholder = value;
      badge.dataset.badge = l;
      grid.append(h('label', { for: id }, h('span', {}, t(l), ' ', badge), input));
    }
    fs.append(grid);
    return fs;
  }
  function field(path, label, { type = 'text', rerender = false, ...attrs } = {}) {
    const id = `f-${pathText(path).replace(/[^a-z0-9]/gi, '_')}`;
    const v = getPath(doc.body, path);
    const input = h('input', { id, type, dataset: { path: pathText(path) }, ...attrs, onchange: rerender ? () => renderEditor() : null, oninput: (e) => {
      const raw = e.target.value;
      setPath(doc.body, path, type === 'number' ? (raw === '' ? undefined : Number(raw)) : raw);
      changed();
    } });
    input.value = v ?? '';
    return h('div', { class: 'form-row' }, h('label', { for: id }, label), input);
  }
  function check(path, label, { onchange } = {}) {
    const id = `f-${pathText(path).replace(/[^a-z0-9]/gi, '_')}`;
    const input = h('input', { id, type: 'checkbox', dataset: { path: pathText(path) }, onchange: (e) => {
      setPath(doc.body, path, e.target.checked ? true : undefined);
      changed();
      if (onchange) onchange();
    } });
    input.checked = !!getPath(doc.body, path);
    return h('div', { class: 'form-row' }, h('label', { for: id }, input, ' ', label));
  }
  function select(path, label, choices, { multiple = false, rerender = false, after = null } = {}) {
    const id = `f-${pathText(path).replace(/[^a-z0-9]/gi, '_')}`;
    const v = getPath(doc.body, path);
    const sel = h('select', { id, multiple, dataset: { path: pathText(path) }, size: multiple ? Math.min(6, Math.max(2, choices.length)) : null, onchange: (e) => {
      const vals = [...e.target.selectedOptions].map((o) => o.value);
      setPath(doc.body, path, multiple ? (vals.length ? vals : undefined) : (vals[0] || undefined));
      if (after) after();
      changed();
      if (rerender) renderEditor();
    } }, multiple ? null : h('option', { value: '' }, t('none')), choices.map(([value, text]) => {
      const o = h('option', { value }, text);
      o.selected = multiple ? (v || []).includes(value) : v === value;
      return o;
    }));
    return h('div', { class: 'form-row' }, h('label', { for: id }, label), sel);
  }
  // What the last "Poista" of a list took away, until she undoes it or removes something else: a
  // task with its texts in three languages, gone at one click and saved at once, came back only by
  // typing it all again (the versions hold only what was published).
  let removed = null; // { name, at: pathText of the list, index, item, label }
  const itemLabel = (item, i, summary) => (summary ? summary(item, i) : `${i + 1}. ${txt(item.text || item.label || item.name || item) || item.id || ''}`);
  function undoRow(path, after) {
    const r = removed;
    return h('p', { class: 'undo', id: 'undo-row' }, `${t('removedItem', r.label)} `,
      h('button', { type: 'button', id: 'undo-remove', onclick: () => {
        let arr = getPath(doc.body, path);
        if (!arr) { setPath(doc.body, path, []); arr = getPath(doc.body, path); }
        arr.splice(Math.min(r.index, arr.length), 0, r.item);
        removed = null;
        if (after) after(arr);
        changed();
        renderEditor();
        const back = document.querySelector(`details.item[data-path="${pathText([...path, Math.min(r.index, arr.length - 1)])}"] summary`);
        if (back) back.focus();
      } }, t('undo')));
  }
  // A list of things with add, remove and move buttons.
  function list(path, title, makeNew, renderItem, addLabel, { summary, after } = {}) {
    const arr = getPath(doc.body, path) || [];
    const wrap = h('section', { class: 'sub', dataset: { path: pathText(path) } }, h('h3', {}, title));
    const undoHere = removed && removed.name === doc.name && removed.at === pathText(path);
    arr.forEach((item, i) => {
      const p = [...path, i];
      if (undoHere && removed.index === i) wrap.append(undoRow(path, after));
      const d = h('details', { class: 'item', open: true, dataset: { path: pathText(p) } },
        h('summary', {}, itemLabel(item, i, summary)),
        renderItem(p, item, i),
        h('div', { class: 'toolbar' },
          i > 0 ? h('button', { type: 'button', onclick: () => { arr.splice(i - 1, 0, arr.splice(i, 1)[0]); if (after) after(arr); changed(); renderEditor(); } }, t('up')) : null,
          i < arr.length - 1 ? h('button', { type: 'button', onclick: () => { arr.splice(i + 1, 0, arr.splice(i, 1)[0]); if (after) after(arr); changed(); renderEditor(); } }, t('down')) : null,
          h('button', { type: 'button', class: 'danger', onclick: () => {
            removed = { name: doc.name, at: pathText(path), index: i, item: arr[i], label: itemLabel(arr[i], i, summary) };
            arr.splice(i, 1);
            if (after) after(arr);
            changed();
            renderEditor();
            if ($('#undo-remove')) $('#undo-remove').focus(); // said, and one Enter away
          } }, `${t('remove')}`)));
      wrap.append(d);
    });
    if (undoHere && removed.index >= arr.length) wrap.append(undoRow(path, after));
    wrap.append(h('button', { type: 'button', onclick: () => {
      if (!getPath(doc.body, path)) setPath(doc.body, path, []);
      getPath(doc.body, path).push(makeNew());
      if (after) after(getPath(doc.body, path));
      changed();
      renderEditor();
      const added = document.querySelectorAll(`[data-path^="${pathText([...path, getPath(doc.body, path).length - 1])}"] input, [data-path^="${pathText([...path, getPath(doc.body, path).length - 1])}"] textarea`)[0];
      if (added) added.focus();
    } }, addLabel));
    return wrap;
  }

  const emptyText = () => ({ fi: '', sv: '', en: '' });
  function roomForm() {
    const r = doc.body;
    const game = files.get('game.json') && files.get('game.json').body;
    const isHub = game && r.id === game.hub;
    const comics = comicEntries().map((f) => [f.id, f.title || f.id]);
    // The choices name things as the forms do ("Tehtävä 2 (Järjestä): ...", "3. Asiakkaan puhelin"),
    // not by their ids ("order-4-xor"), which the studio made up and she never typed; the value
    // kept is still the id.
    const wText = (w) => txt(w.text, lang) || txt(w.text) || txt(w.label, lang) || txt(w.label) || (t('widgetTypes')[w.type] || w.type);
    const puzzleIds = (r.puzzles || []).map((p, i) => [p.id, `${PLACE[lang].puzzles} ${i + 1} (${t('kinds')[p.kind] || p.kind}): ${txt(p.prompt, lang).slice(0, 40) || txt(p.prompt).slice(0, 40)}`]);
    const itemIds = (r.items || []).map((it) => [it.id, txt(it.name, lang) || txt(it.name) || it.id]);
    const widgetIds = (r.scene && r.scene.widgets || []).map((w, i) => [w.id, `${i + 1}. ${wText(w).slice(0, 30)}`]).filter(([id]) => id);
    const hiddenIds = (r.scene && r.scene.widgets || []).map((w, i) => [w.id, `${i + 1}. ${wText(w).slice(0, 30)}`, w.hidden]).filter(([id, , hid]) => id && hid).map(([id, n]) => [id, n]);
    const rooms = game ? game.rooms.filter((x) => x.id !== game.hub).map((x) => [x.id, fileTitle(x.file)]) : [];
    const out = h('div', { id: 'forms' });
    out.append(h('section', { class: 'card' }, h('h2', {}, t('room')),
      text3(['title'], t('title')),
      isHub ? null : text3(['intro'], t('intro'), { multi: true }),
      isHub ? null : text3(['outro'], t('outro'), { multi: true }),
      isHub ? null : h('div', { class: 'row' }, field(['code_part'], t('codePart')), field(['target_minutes'], t('target'), { type: 'number', min: 0, max: 180 }),
        field(['timer_minutes'], t('timer'), { type: 'number', min: 0, max: 180 })),
      isHub ? null : h('div', { class: 'row' }, select(['comic_intro'], t('comicIntro'), comics), select(['comic_outro'], t('comicOutro'), comics))));
    if (!isHub) out.append(h('section', { class: 'card' }, list(['items'], t('items'), () => ({ id: newId('esine'), name: emptyText(), about: emptyText() }),
      (p) => [field([...p, 'id'], t('id')), text3([...p, 'name'], t('itemName')), text3([...p, 'about'], t('about')), field([...p, 'icon'], t('icon'))], t('addItem'))));
    out.append(h('section', { class: 'card' }, h('h2', {}, t('widgets')),
      list(['scene', 'widgets'], t('widgets'), () => ({ id: newId('osa'), type: 'box', rect: [40, 40, 200, 60], text: emptyText() }), (p, w) => [
        h('div', { class: 'row' }, field([...p, 'id'], t('id')),
          select([...p, 'type'], t('type'), Object.entries(t('widgetTypes')), { rerender: true })),
        text3([...p, 'text'], t('text'), { multi: w.type === 'text' || w.type === 'chat' }),
        text3([...p, 'label'], t('label')),
        w.type === 'list' ? list([...p, 'rows'], t('rows'), emptyText, (pp) => text3(pp, t('text')), t('addRow')) : null,
        w.type === 'icon' || w.type === 'image' ? field([...p, 'image'], t('image')) : null,
        h('div', { class: 'row' }, select([...p, 'size'], t('size'), Object.entries(t('sizes'))),
          select([...p, 'tone'], t('tone'), Object.entries(t('tones')))),
        h('div', { class: 'row' }, check([...p, 'bold'], t('bold')), check([...p, 'hidden'], t('hidden'))),
        isHub || w.opens ? select([...p, 'opens'], t('opens'), [...rooms, ...comics.map(([c, n]) => [`comic:${c}`, n])]) : null,
      ], t('addWidget'), { summary: (w, i) => `${i + 1}. ${t('widgetTypes')[w.type] || w.type}: ${(txt(w.text, lang) || txt(w.text)).slice(0, 40)}` })));
    if (!r.puzzles) r.puzzles = [];
    const kindChoices = Object.entries(t('kinds'));
    const addKind = h('select', { id: 'add-kind', 'aria-label': t('kind') }, kindChoices.map(([k, n]) => h('option', { value: k }, n)));
    const puzzles = list(['puzzles'], t('puzzles'), () => newPuzzle(addKind.value), (p, pz) => puzzleForm(p, pz, { puzzleIds, itemIds, widgetIds, hiddenIds, comics }),
      t('addPuzzle'), { summary: (pz, i) => `${i + 1}. ${t('kinds')[pz.kind] || pz.kind}: ${txt(pz.prompt).slice(0, 50)}` });
    const addButton = puzzles.lastElementChild;
    addButton.id = 'add-puzzle';
    puzzles.insertBefore(h('div', { class: 'row' }, h('div', { class: 'form-row' }, h('label', { for: 'add-kind' }, t('kind')), addKind), addButton), null);
    out.append(h('section', { class: 'card' }, puzzles));
    return out;
  }

  function newPuzzle(kind) {
    const p = { id: newId(kind), kind, prompt: emptyText(), hints: [emptyText()], solved: emptyText() };
    const item = (extra) => ({ id: newId('x'), ...extra });
    if (kind === 'choice') p.options = [item({ text: emptyText(), explain: emptyText(), correct: true }), item({ text: emptyText(), explain: emptyText() })];
    if (kind === 'hotspots') p.places = [item({ label: emptyText(), explain: emptyText(), rect: [60, 60, 120, 80] })];
    if (kind === 'order') { p.steps = [item({ text: emptyText() }), item({ text: emptyText() })]; p.wrong = emptyText(); }
    if (kind === 'match') { p.pairs = [item({ left: emptyText(), right: emptyText(), explain: emptyText() }), item({ left: emptyText(), right: emptyText(), explain: emptyText() })]; p.wrong = emptyText(); }
    if (kind === 'code') { p.answer = ''; p.wrong = emptyText(); }
    if (kind === 'text') { p.answers = ['']; p.wrong = emptyText(); }
    if (kind === 'use') { p.item = ''; p.place = ''; p.wrong = emptyText(); }
    const prev = doc.body.puzzles[doc.body.puzzles.length - 1];
    if (prev) p.requires = [prev.id];
    return p;
  }

  function puzzleForm(p, pz, ids) {
    const others = ids.puzzleIds.filter(([id]) => id !== pz.id);
    const parts = [
      h('div', { class: 'row' }, field([...p, 'id'], t('id')),
        select([...p, 'kind'], t('kind'), Object.entries(t('kinds')), { rerender: true })),
      text3([...p, 'prompt'], t('prompt'), { multi: true }),
    ];
    const k = pz.kind;
    if (k === 'choice') parts.push(list([...p, 'options'], t('options'), () => ({ id: newId('x'), text: emptyText(), explain: emptyText() }),
      (pp) => [text3([...pp, 'text'], t('text')), text3([...pp, 'explain'], t('explain'), { multi: true }), check([...pp, 'correct'], t('correct'))], t('addOption')));
    // a new place lands beside the last one, never on top of it (it could not be grabbed)
    const nextRect = () => { const n = (pz.places || []).length; return [40 + (n % 5) * 140, 40 + Math.floor(n / 5) * 100, 120, 80]; };
    if (k === 'hotspots') parts.push(list([...p, 'places'], t('places'), () => ({ id: newId('x'), label: emptyText(), explain: emptyText(), rect: nextRect() }),
      (pp, pl) => [text3([...pp, 'label'], t('label')), text3([...pp, 'explain'], t('explain'), { multi: true }),
        h('div', { class: 'row' }, placeTarget(pp, pl, ids), decoyBox(pp, pl))], t('addPlace')));
    if (k === 'order') parts.push(list([...p, 'steps'], t('steps'), () => ({ id: newId('x'), text: emptyText() }),
      (pp) => [text3([...pp, 'text'], t('text')), text3([...pp, 'explain'], t('explain'))], t('addStep')));
    if (k === 'match') parts.push(list([...p, 'pairs'], t('pairs'), () => ({ id: newId('x'), left: emptyText(), right: emptyText(), explain: emptyText() }),
      (pp) => [text3([...pp, 'left'], t('left')), text3([...pp, 'right'], t('right')), text3([...pp, 'explain'], t('explain'))], t('addPair')));
    if (k === 'code') parts.push(h('div', { class: 'row' }, pz.final ? null : field([...p, 'answer'], t('answer')), check([...p, 'final'], t('final'), { onchange: renderEditor })));
    if (k === 'text') parts.push(list([...p, 'answers'], t('answers'), () => '', (pp) => field(pp, t('answer')), t('addAnswer'), { summary: (a, i) => `${i + 1}. ${a}` }));
    if (k === 'use') parts.push(h('div', { class: 'row' }, select([...p, 'item'], t('item'), ids.itemIds), select([...p, 'place'], t('place'), ids.widgetIds)));
    if (['order', 'match', 'code', 'text', 'use'].includes(k)) parts.push(text3([...p, 'wrong'], t('wrong'), { multi: true }));
    parts.push(text3([...p, 'solved'], t('solved'), { multi: true }));
    parts.push(list([...p, 'hints'], t('hints'), emptyText, (pp) => text3(pp, t('text'), { multi: true }), t('addHint'),
      { summary: (x, i) => `${i + 1}. ${txt(x).slice(0, 50)}` }));
    parts.push(h('div', { class: 'row' }, select([...p, 'requires'], t('requires'), [...others, ...ids.itemIds], { multiple: true }),
      select([...p, 'gives', 'items'], `${t('gives')}: ${t('givesItems')}`, ids.itemIds, { multiple: true }),
      select([...p, 'gives', 'reveals'], `${t('gives')}: ${t('reveals')}`, ids.hiddenIds, { multiple: true }),
      select([...p, 'gives', 'comic'], `${t('gives')}: ${t('comic')}`, ids.comics)));
    return parts;
  }
  // "A decoy" is correct: false in the file (a place is right unless it says so).
  function decoyBox(pp, pl) {
    const id = `f-${pathText(pp).replace(/[^a-z0-9]/gi, '_')}-decoy`;
    const input = h('input', { id, type: 'checkbox', dataset: { path: `${pathText(pp)}.correct` }, onchange: (e) => {
      const place = getPath(doc.body, pp);
      if (e.target.checked) place.correct = false; else delete place.correct;
      changed();
      renderEditor();
    } });
    input.checked = pl.correct === false;
    return h('div', { class: 'form-row' }, h('label', { for: id }, input, ' ', t('decoy')));
  }
  function placeTarget(pp, pl, ids) {
    const id = `f-${pathText(pp).replace(/[^a-z0-9]/gi, '_')}-on`;
    const sel = h('select', { id, dataset: { path: `${pathText(pp)}.widget` }, onchange: (e) => {
      const place = getPath(doc.body, pp);
      if (e.target.value) { place.widget = e.target.value; delete place.rect; } else { delete place.widget; place.rect = [80, 80, 120, 80]; }
      changed();
      renderEditor();
    } }, h('option', { value: '' }, t('ownRect')), ids.widgetIds.map(([v, n]) => { const o = h('option', { value: v }, n); o.selected = pl.widget === v; return o; }));
    return h('div', { class: 'form-row' }, h('label', { for: id }, t('onWidget')), sel);
  }

  // ---- the scene: a picture and rectangles to drag -----------------------------------------------------------
  function imageUrl(path) { return path ? `/studio/preview/${path}` : null; }

  function sceneRects() {
    const r = doc.body, out = [];
    const game = files.get('game.json') && files.get('game.json').body;
    (r.scene && r.scene.widgets || []).forEach((w, i) => {
      if (!w.rect) return;
      const door = game && r.id === game.hub && w.opens && !String(w.opens).startsWith('comic:');
      out.push({ path: ['scene', 'widgets', i, 'rect'], kind: door ? 'door' : 'widget', name: `${t('widgetTypes')[w.type] || w.type}: ${(txt(w.text || w.label, lang) || txt(w.text || w.label)).slice(0, 30)}` });
    });
    (r.puzzles || []).forEach((p, i) => (p.places || []).forEach((pl, k) => {
      if (pl.rect) out.push({ path: ['puzzles', i, 'places', k, 'rect'], kind: pl.correct === false ? 'place decoy' : 'place', name: `${t('placeN')} ${k + 1}: ${txt(pl.label).slice(0, 30)}` });
    }));
    return out;
  }

  function renderScene() {
    const r = doc.body;
    if (!r.scene) r.scene = { widgets: [] };
    const [W, H] = r.scene.size || [800, 560];
    const box = h('div', { class: 'scene', id: 'scene', style: null, role: 'group', 'aria-label': t('scene'), 'aria-describedby': 'scene-help' });
    box.dataset.w = W;
    box.dataset.h = H;
    const bg = r.scene.background;
    if (bg) box.append(h('img', { class: 'bg', src: imageUrl(bg), alt: '' }));
    requestAnimationFrame(() => sizeScene(box));
    for (const rc of sceneRects()) box.append(rectEl(rc));
    const upload = h('input', { type: 'file', id: 'upload', accept: 'image/png,image/jpeg,image/svg+xml', class: 'sr-only', onchange: uploadPicture });
    return h('section', { id: 'scene-section', 'aria-labelledby': 'scene-h' },
      h('h2', { id: 'scene-h' }, t('scene')),
      h('div', { class: 'toolbar' },
        h('label', { class: 'button', for: 'upload' }, t('upload')), upload,
        bg ? h('span', { class: 'muted' }, bg) : null,
        h('span', { id: 'budget', class: 'budget', 'aria-live': 'polite' })),
      uploadNoteEl(),
      h('p', { id: 'scene-help', class: 'muted' }, t('sceneHelp')),
      box);
  }
  function sizeScene(box) {
    const W = Number(box.dataset.w), H = Number(box.dataset.h);
    const scale = box.parentElement ? box.parentElement.clientWidth / W : 1;
    box.style.width = `${W * scale}px`;
    box.style.height = `${H * scale}px`;
    box.dataset.scale = scale;
    for (const el of box.querySelectorAll('.rect')) placeRect(el);
  }
  window.addEventListener('resize', () => { const s = $('#scene'); if (s) sizeScene(s); });
  // A rectangle on the scene is a [x, y, w, h] in the file, or (a comic's bubble and tail) is
  // computed from its panel: such rectangles bring their own get and set.
  const rectAccess = new Map(); // path text -> { get, set }
  function rget(el) { const a = rectAccess.get(el.dataset.path); return a ? a.get() : getPath(doc.body, JSON.parse(el.dataset.rpath)); }
  function rset(el, r) { const a = rectAccess.get(el.dataset.path); if (a) a.set(r); else setPath(doc.body, JSON.parse(el.dataset.rpath), clampRect(r)); }
  function placeRect(el) {
    const scale = Number($('#scene').dataset.scale || 1);
    const [x, y, w, hh] = rget(el).map(Math.round);
    Object.assign(el.style, { left: `${x * scale}px`, top: `${y * scale}px`, width: `${w * scale}px`, height: `${hh * scale}px` });
    el.setAttribute('aria-label', t('moved', el.dataset.name, [x, y, w, hh]));
  }
  function placeAll() { for (const x of document.querySelectorAll('#scene .rect')) placeRect(x); }
  // Number fields that a drag changes (a comic's bubble place, width and tail) follow it.
  const parsePath = (text) => (text.match(/[^.[\]]+/g) || []).map((x) => (/^\d+$/.test(x) ? Number(x) : x));
  function syncNumbers() {
    for (const input of document.querySelectorAll('#forms input[type=number][data-path]')) {
      const v = getPath(doc.body, parsePath(input.dataset.path));
      if (document.activeElement !== input) input.value = v ?? '';
    }
  }
  function rectEl(rc) {
    const el = h('div', { class: `rect ${rc.kind}`, tabindex: 0, role: 'button', 'aria-roledescription': 'suorakulmio',
      dataset: { rpath: JSON.stringify(rc.path), name: rc.name, path: pathText(rc.path) } },
    rc.image ? h('img', { class: 'panel-img', src: imageUrl(rc.image), alt: '' }) : null,
    h('span', { class: 'rect-name' }, rc.name), rc.kind === 'tail' ? null : h('span', { class: 'handle', 'aria-hidden': 'true' }));
    if (selected && pathText(selected) === pathText(rc.path)) el.classList.add('selected');
    el.addEventListener('pointerdown', (e) => startDrag(e, el, e.target.classList.contains('handle')));
    el.addEventListener('keydown', (e) => keyMove(e, el));
    el.addEventListener('focus', () => select_(el));
    return el;
  }
  function select_(el) {
    for (const x of document.querySelectorAll('.rect.selected')) x.classList.remove('selected');
    el.classList.add('selected');
    selected = JSON.parse(el.dataset.rpath);
  }
  function clampRect(r) {
    const box = $('#scene');
    const [W, H] = box ? [Number(box.dataset.w), Number(box.dataset.h)] : doc.body.scene.size || [800, 560];
    r[2] = Math.max(8, Math.min(W, Math.round(r[2])));
    r[3] = Math.max(8, Math.min(H, Math.round(r[3])));
    r[0] = Math.max(0, Math.min(W - r[2], Math.round(r[0])));
    r[1] = Math.max(0, Math.min(H - r[3], Math.round(r[1])));
    return r;
  }
  function startDrag(e, el, resize) {
    e.preventDefault();
    select_(el);
    el.focus({ preventScroll: true });
    const scale = Number($('#scene').dataset.scale || 1);
    const start = rget(el).slice(), x0 = e.clientX, y0 = e.clientY;
    const before = JSON.stringify(doc.body);
    el.setPointerCapture(e.pointerId);
    const move = (ev) => {
      const dx = (ev.clientX - x0) / scale, dy = (ev.clientY - y0) / scale;
      const r = start.slice();
      if (resize) { r[2] += dx; r[3] += dy; } else { r[0] += dx; r[1] += dy; }
      rset(el, r);
      placeAll();
    };
    const up = () => {
      el.removeEventListener('pointermove', move);
      el.removeEventListener('pointerup', up);
      el.removeEventListener('pointercancel', up);
      if (JSON.stringify(doc.body) !== before) { changed(); syncNumbers(); announce(el.getAttribute('aria-label')); }
    };
    el.addEventListener('pointermove', move);
    el.addEventListener('pointerup', up);
    el.addEventListener('pointercancel', up);
  }
  function keyMove(e, el) {
    const d = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] }[e.key];
    if (!d) return;
    e.preventDefault();
    const step = e.altKey ? 1 : 8;
    const r = rget(el).slice();
    if (e.shiftKey) { r[2] += d[0] * step; r[3] += d[1] * step; } else { r[0] += d[0] * step; r[1] += d[1] * step; }
    rset(el, r);
    placeAll();
    changed();
    syncNumbers();
    announce(el.getAttribute('aria-label'));
  }


  // ---- comics: pages, panels and bubbles as forms and a page to drag on ---------------------------------------
  // The page shows one comic page: its panels (pictures) and their bubbles as rectangles. A panel's
  // rect is in page units; a bubble's place and width are percent of its panel and its height is
  // the lettering's (the game's comic layout), so here it is a marker; its tail is a dot.
  let comicPage = 0;
  const BUBBLE_MARK = 16;  // the marker's height, percent of the panel
  const TAIL = 18;         // the tail dot, page units
  const DEFAULT_WIDTH = { speech: 42, thought: 42, caption: 60 };
  const r1 = (v) => Math.round(v * 10) / 10;
  const clampN = (v, lo, hi) => Math.max(lo, Math.min(hi, v));
  function bubbleRect(pn, b) {
    const [px, py, pw, ph] = pn.rect, [ax, ay] = b.at || [0, 0];
    const w = (b.width || DEFAULT_WIDTH[b.kind] || 42) / 100 * pw;
    return [px + ax / 100 * pw, py + ay / 100 * ph, w, Math.max(24, BUBBLE_MARK / 100 * ph)];
  }
  function setBubbleRect(pn, b, r) {
    const [px, py, pw, ph] = pn.rect;
    b.at = [r1(clampN((r[0] - px) / pw * 100, 0, 100)), r1(clampN((r[1] - py) / ph * 100, 0, 100))];
    b.width = Math.round(clampN(r[2] / pw * 100, 10, 100));
  }
  function tailRect(pn, b) {
    const [px, py, pw, ph] = pn.rect, [tx, ty] = b.tail || [50, 50];
    return [px + tx / 100 * pw - TAIL / 2, py + ty / 100 * ph - TAIL / 2, TAIL, TAIL];
  }
  function setTail(pn, b, r) {
    const [px, py, pw, ph] = pn.rect;
    b.tail = [r1(clampN((r[0] + TAIL / 2 - px) / pw * 100, 0, 100)), r1(clampN((r[1] + TAIL / 2 - py) / ph * 100, 0, 100))];
  }
  function renderComicScene() {
    const c = doc.body;
    if (!Array.isArray(c.pages)) c.pages = [];
    comicPage = clampN(comicPage, 0, Math.max(0, c.pages.length - 1));
    const page = c.pages[comicPage];
    const [W, H] = (page && page.size) || c.page_size || [1200, 800];
    const box = h('div', { class: 'scene comic', id: 'scene', role: 'group', 'aria-label': `${t('pageN')} ${comicPage + 1}`, 'aria-describedby': 'scene-help' });
    box.dataset.w = W;
    box.dataset.h = H;
    rectAccess.clear();
    if (page) (page.panels || []).forEach((pn, i) => {
      const pp = ['pages', comicPage, 'panels', i];
      if (!Array.isArray(pn.rect)) pn.rect = [24, 24, 400, 300];
      box.append(rectEl({ path: [...pp, 'rect'], kind: 'panel', image: pn.image, name: `${t('panelN')} ${i + 1}` }));
    });
    if (page) (page.panels || []).forEach((pn, i) => (pn.bubbles || []).forEach((b, k) => {
      const bp = ['pages', comicPage, 'panels', i, 'bubbles', k];
      rectAccess.set(pathText([...bp, 'at']), { get: () => bubbleRect(pn, b), set: (r) => setBubbleRect(pn, b, r) });
      box.append(rectEl({ path: [...bp, 'at'], kind: `bubble ${b.kind || 'speech'}`, name: `${t('panelN')} ${i + 1}, ${t('bubbleN')} ${k + 1}: ${txt(b.text).slice(0, 40)}` }));
      if (b.kind !== 'caption' && Array.isArray(b.tail)) {
        rectAccess.set(pathText([...bp, 'tail']), { get: () => tailRect(pn, b), set: (r) => setTail(pn, b, r) });
        box.append(rectEl({ path: [...bp, 'tail'], kind: 'tail', name: `${t('tailOf')} ${i + 1}.${k + 1}` }));
      }
    }));
    requestAnimationFrame(() => sizeScene(box));
    const tabs = h('div', { class: 'toolbar', role: 'group', 'aria-label': t('pages') }, c.pages.map((pg, i) => h('button', {
      type: 'button', class: i === comicPage ? 'primary' : null, 'aria-pressed': String(i === comicPage),
      onclick: () => { comicPage = i; renderEditor(); } }, `${t('pageN')} ${i + 1}`)));
    return h('section', { id: 'scene-section', 'aria-labelledby': 'scene-h' },
      h('h2', { id: 'scene-h' }, t('pages')), tabs, uploadNoteEl(),
      h('p', { id: 'scene-help', class: 'muted' }, t('comicHelp')), box);
  }

  // Reading order: the order of the list. A page whose panels carry "order" gets it renumbered.
  function renumberPanels(panels) {
    if (panels.some((pn) => pn.order !== undefined)) panels.forEach((pn, i) => { pn.order = i + 1; });
  }
  function newPanel(pg) {
    const last = pg && pg.panels && pg.panels[pg.panels.length - 1];
    const [W, H] = doc.body.page_size || [1200, 800];
    const r = last ? [last.rect[0] + last.rect[2] + 20, last.rect[1], last.rect[2], last.rect[3]] : [24, 24, 566, 366];
    if (r[0] + r[2] > W) { r[0] = 24; r[1] = Math.min(H - r[3], r[1] + r[3] + 20); }
    return { rect: clampN(r[0], 0, W) === r[0] ? r : [24, 24, 566, 366], image: last ? last.image : 'assets/templates/panel.svg', description: emptyText(), bubbles: [] };
  }
  function newBubble(chars) {
    if (!chars[0]) return { kind: 'caption', at: [5, 5], width: 60, text: emptyText() };
    return { kind: 'speech', speaker: chars[0][0], at: [5, 5], width: 42, tail: [30, 45], text: emptyText() };
  }
  function comicForm() {
    const c = doc.body;
    const chars = (c.characters || []).map((ch) => [ch.id, `${txt(ch.name) || ch.id} (${ch.id})`]);
    const kinds = [['speech', t('speech')], ['thought', t('thought')], ['caption', t('caption')]];
    const out = h('div', { id: 'forms' });
    out.append(h('section', { class: 'card' }, h('h2', {}, t('comic')),
      text3(['title'], t('title')),
      pageSizeRow(),
      list(['characters'], t('characters'), () => ({ id: newId('henkilo'), name: emptyText() }),
        (p) => [field([...p, 'id'], t('id')), text3([...p, 'name'], t('charName'))], t('addCharacter'),
        { summary: (ch, i) => `${i + 1}. ${txt(ch.name) || ch.id}` })));
    const bubbleForm = (bp, b) => [
      h('div', { class: 'row' },
        select([...bp, 'kind'], t('bubbleKind'), kinds, { rerender: true, after: () => {
          const x = getPath(doc.body, bp);
          if (x.kind === 'caption') { delete x.speaker; delete x.tail; } else {
            if (!x.speaker && chars[0]) x.speaker = chars[0][0];
            if (!x.tail) x.tail = [30, 45];
          }
          if (!x.kind) x.kind = 'speech';
        } }),
        b.kind === 'caption' ? null : select([...bp, 'speaker'], t('speaker'), chars)),
      text3([...bp, 'text'], t('bubbleText'), { multi: true }),
      h('div', { class: 'row' },
        field([...bp, 'at', 0], t('atX'), { type: 'number', min: 0, max: 100, step: 0.1 }),
        field([...bp, 'at', 1], t('atY'), { type: 'number', min: 0, max: 100, step: 0.1 }),
        field([...bp, 'width'], t('widthPct'), { type: 'number', min: 10, max: 100 }),
        b.kind === 'caption' ? null : field([...bp, 'tail', 0], t('tailX'), { type: 'number', min: 0, max: 100, step: 0.1 }),
        b.kind === 'caption' ? null : field([...bp, 'tail', 1], t('tailY'), { type: 'number', min: 0, max: 100, step: 0.1 })),
    ];
    const panelForm = (p, pn) => [
      h('div', { class: 'row' }, field([...p, 'image'], t('panelImage')),
        h('label', { class: 'button' }, t('uploadPanel'), h('input', { type: 'file', accept: 'image/png,image/jpeg,image/svg+xml', class: 'sr-only',
          'data-panel': pathText(p), onchange: (e) => uploadPanel(e, p) }))),
      text3([...p, 'description'], t('panelDescription'), { multi: true }),
      list([...p, 'bubbles'], t('bubbles'), () => newBubble(chars), bubbleForm, t('addBubble'),
        { summary: (b, i) => `${i + 1}. ${(kinds.find(([k]) => k === b.kind) || ['', b.kind])[1]}${b.speaker ? ` (${b.speaker})` : ''}: ${txt(b.text).slice(0, 40)}` }),
    ];
    out.append(h('section', { class: 'card' }, list(['pages'], t('pages'), () => ({ panels: [newPanel(null)] }),
      (pp, pg) => list([...pp, 'panels'], t('panels'), () => newPanel(pg), panelForm, t('addPanel'),
        { after: renumberPanels, summary: (pn, i) => `${t('panelN')} ${i + 1}: ${txt(pn.description).slice(0, 50)}` }),
      t('addPage'), { summary: (pg, i) => `${t('pageN')} ${i + 1} (${(pg.panels || []).length} ${t('panelsShort')})` })));
    return out;
  }
  // ---- pictures ------------------------------------------------------------------------------------------------
  // A photo too large for the budget is scaled and re-encoded as JPEG by the browser's own canvas
  // (createImageBitmap + canvas.toBlob): every browser has it, so no library is needed for it.
  async function shrink(file, maxBytes) {
    const bitmap = await createImageBitmap(file);
    let scale = Math.min(1, 1600 / Math.max(bitmap.width, bitmap.height)), quality = 0.85, out = null;
    for (let step = 0; step < 16; step++) { // first less quality (down to 0.55), then fewer pixels
      const c = document.createElement('canvas');
      c.width = Math.max(1, Math.round(bitmap.width * scale));
      c.height = Math.max(1, Math.round(bitmap.height * scale));
      c.getContext('2d').drawImage(bitmap, 0, 0, c.width, c.height);
      const blob = await new Promise((res) => c.toBlob(res, 'image/jpeg', quality));
      out = { blob, width: c.width, height: c.height };
      if (blob.size <= maxBytes) break;
      if (quality > 0.6) quality -= 0.1; else scale *= 0.75;
    }
    return out;
  }
  async function budget() {
    try {
      const b = await api('GET', 'studio/budget');
      const el = $('#budget');
      if (el) el.textContent = t('budget', kB(b.total), kB(Math.max(0, b.left)));
      return b;
    } catch (e) { return null; }
  }
  // The picture goes to the room or comic that was open when it was chosen, even if the author
  // moved on while it was scaled and sent. What the studio did to it stays beside the picture (a
  // status line would be gone with the next autosave).
  const uploadNotes = new Map(); // file -> what the last upload said, shown under the picture
  function uploadNoteEl() {
    const n = uploadNotes.get(doc.name) || {};
    return h('p', { id: 'upload-note', class: 'muted', 'aria-live': 'polite', dataset: { kind: n.kind || '' } }, said(n.text || ''));
  }
  function noteFor(target) {
    return (text, kind = '') => {
      status(text, kind);
      uploadNotes.set(target, { text, kind });
      const n = $('#upload-note');
      if (n && doc && doc.name === target) { n.textContent = said(text); n.dataset.kind = kind; }
    };
  }
  // One way for every picture (a room's scene, a comic's panel): a PNG or JPEG over maxBytes or
  // over 1600 pixels a side is scaled and re-encoded as JPEG (shrink); an SVG is sent as it is
  // (it is text, drawn at any size) unless it is over maxBytes. Resolves to { blob, type, ext,
  // width, height, said } or null when it cannot be used (the note says why).
  async function fitPicture(file, maxBytes, note, tooBig) {
    const svg = file.type === 'image/svg+xml';
    if (svg) {
      if (file.size > maxBytes) { note(() => tooBig(file.size), 'bad'); return null; }
      return { blob: file, type: file.type, ext: 'svg', width: 0, height: 0, said: '' };
    }
    const bm = await createImageBitmap(file).catch(() => null);
    if (!bm) { note(() => t('err').bad_image, 'bad'); return null; }
    let out = { blob: file, type: file.type === 'image/png' ? 'image/png' : 'image/jpeg', width: bm.width, height: bm.height, said: '' };
    bm.close();
    if (file.size > maxBytes || Math.max(out.width, out.height) > 1600) {
      const w0 = out.width, h0 = out.height;
      note(() => t('scaling', kB(file.size), w0, h0), 'warn');
      const s = await shrink(file, maxBytes);
      out = { blob: s.blob, type: 'image/jpeg', width: s.width, height: s.height,
        said: () => t('scaledTo', kB(file.size), w0, h0, kB(s.blob.size), s.width, s.height) };
      note(out.said, 'warn');
    }
    out.ext = out.type === 'image/png' ? 'png' : 'jpg';
    return out;
  }
  async function uploadPicture(e) {
    const file = e.target.files[0];
    if (!file) return;
    const target = doc.name, note = noteFor(target);
    const b = await budget();
    const left = b ? Math.max(0, b.left) : 300 * 1000, max = Math.min(b ? b.image_max : 1024 * 1024, Math.max(60 * 1000, left));
    const pic = await fitPicture(file, max, note, (n) => t('tooBig', kB(n), kB(left)));
    if (!pic) return;
    const f = files.get(target);
    const name = `${slug((f && f.body && f.body.id) || 'kuva')}-${Date.now().toString(36)}.${pic.ext}`;
    try {
      const r = await api('POST', `studio/upload?name=${encodeURIComponent(name)}`, undefined, { raw: pic.blob, type: pic.type });
      const room = files.get(target); // the entry may have been read again meanwhile
      if (!room || !room.body) return;
      if (!room.body.scene) room.body.scene = { widgets: [] };
      room.body.scene.background = r.path;
      const w = pic.width, hh = pic.height;
      if (w && hh) room.body.scene.size = w >= hh ? [800, Math.round(800 * hh / w)] : [Math.round(560 * w / hh), 560];
      changed(target);
      if (doc && doc.name === target) {
        renderEditor();
        if ($('#preview-frame')) $('#preview-frame').src = previewUrl();
      }
      const after = await budget();
      note(() => `${pic.said ? said(pic.said) + ' ' : ''}${t('uploaded')}${after ? ' ' + t('budget', kB(after.total), kB(Math.max(0, after.left))) : ''}`, pic.said ? 'warn' : '');
    } catch (err) { note(() => errText(err), 'bad'); }
  }
  // A panel's own picture (PNG, JPEG or SVG, as the comic viewer draws them), fitted the same way
  // as a scene's. Comics are fetched when one opens, not in the first load: a panel's limit is
  // PANEL_BYTES (a comic of a dozen panels opens quickly on a phone), and the note says that the
  // first load's budget is untouched. The panel takes the picture's shape, inside its page.
  const PANEL_BYTES = 250 * 1000;
  async function uploadPanel(e, p) {
    const file = e.target.files[0];
    if (!file) return;
    const target = doc.name, note = noteFor(target);
    const b = await budget();
    const max = Math.min(b ? b.image_max : 1024 * 1024, PANEL_BYTES);
    const pic = await fitPicture(file, max, note, (n) => t('panelTooBig', kB(n), kB(max)));
    e.target.value = '';
    if (!pic) return;
    const name = `${slug((doc.body && doc.body.id) || 'sarjakuva')}-${Date.now().toString(36)}.${pic.ext}`;
    try {
      const r = await api('POST', `studio/upload?name=${encodeURIComponent(name)}`, undefined, { raw: pic.blob, type: pic.type });
      const f = files.get(target);
      const pn = f && f.body && getPath(f.body, p);
      if (!pn) return;
      pn.image = r.path;
      if (r.width && r.height && Array.isArray(pn.rect)) {
        const page = f.body.pages[p[1]] || {};
        const H = (page.size || f.body.page_size || [1200, 800])[1];
        pn.rect[3] = Math.max(40, Math.round(pn.rect[2] * r.height / r.width));
        if (pn.rect[1] + pn.rect[3] > H) { // too tall for the page: as tall as fits, narrower
          pn.rect[3] = Math.max(40, H - pn.rect[1]);
          pn.rect[2] = Math.max(40, Math.round(pn.rect[3] * r.width / r.height));
        }
      }
      changed(target);
      if (doc && doc.name === target) renderEditor();
      note(() => `${pic.said ? said(pic.said) + ' ' : ''}${t('uploaded')} ${t('panelBudget', kB(r.bytes), kB(max), b ? kB(Math.max(0, b.left)) : '?')}`, pic.said ? 'warn' : '');
    } catch (err) { note(() => errText(err), 'bad'); }
  }

  // ---- publishing, versions, conflicts, import ---------------------------------------------------------------
  function dialog(title, ...body) {
    const dlg = h('dialog', { 'aria-labelledby': 'dlg-h' }, h('h2', { id: 'dlg-h' }, title), ...body);
    dlg.addEventListener('close', () => dlg.remove());
    document.body.append(dlg);
    dlg.showModal();
    return dlg;
  }
  function publishDialog() {
    const names = () => [...new Set([doc.name, ...content.drafts.map((d) => d.name), ...[...files.values()].filter((f) => f.dirty).map((f) => f.name)])];
    const form = h('form', { onsubmit: (e) => { e.preventDefault(); go(false); } },
    // what goes out, by the names she knows ("Turvallinen asiointi, Aula"), not "x.json, hub.json"
    h('p', { class: 'muted', id: 'publish-what' }, names().map(fileTitle).join(', ')),
    h('div', { class: 'form-row' }, h('label', { for: 'publish-note' }, t('note')), h('textarea', { id: 'publish-note', name: 'note', required: true, maxlength: 400 })),
    h('div', { class: 'form-row' }, h('label', { for: 'publish-feedback' }, h('input', { type: 'checkbox', id: 'publish-feedback', name: 'feedback' }), ' ', t('feedbackNote'))),
    h('div', { id: 'publish-out', 'aria-live': 'polite' }),
    h('div', { class: 'toolbar' }, h('button', { type: 'submit', class: 'primary', id: 'publish-go' }, t('publish')),
      h('button', { type: 'button', onclick: () => dlg.close() }, t('cancel'))));
    const dlg = dialog(t('publishTitle'), form);
    async function go(retried) {
      const fd = new FormData(form);
      const out = $('#publish-out');
      out.textContent = t('publishing');
      try {
        // Everything typed reaches the server before the checker reads the drafts: a publish never
        // checks (or publishes) an older draft than the one on the author's screen.
        if (!(await flushSaves())) { fill(out, h('p', { class: 'field-error', role: 'alert' }, t('notSaved'))); return; }
        content = await api('GET', 'studio/content');
        let list = [...new Set([doc.name, ...content.drafts.map((d) => d.name)])];
        const feedback = fd.get('feedback') === 'on';
        if (feedback) list = [...new Set([...list, await addFeedbackNote()])];
        const revisions = {};
        for (const n of list) if (files.get(n)) revisions[n] = files.get(n).revision;
        const r = await api('POST', 'studio/publish', { names: list, revisions, note: fd.get('note'), feedback, lang });
        dlg.close();
        // What was published is what the checker has just read: its findings (warnings only) are
        // the panel's now. An older check's errors, still on screen or on their way (a check
        // begun before the last edit), said "fix it before publishing" under "Published!".
        clearTimeout(lintTimer);
        lintSeq++;
        if (Array.isArray(r.problems)) problems = r.problems;
        showProblems();
        status(() => `${t('publishedOk')} (${t('release')} ${r.release})`
          + (r.package_release && r.package_release < r.release ? ` ${t('packageOld', r.package_release)}` : ''));
        content = await api('GET', 'studio/content');
        // Every other open file that was published (the lobby and game.json when a room was made)
        // has a new revision on the server: read it again, or her next edit of the room's name
        // (which writes the lobby's door) was refused as a conflict with her own published lobby.
        for (const n of list) if (n !== doc.name && files.has(n) && !files.get(n).dirty) await loadFile(n);
        await openFile(doc.name);
        showProblems();
        $('#publish').focus();
      } catch (err) {
        // a door grown to its name just now (a name typed right before publishing, not yet
        // checked): the lobby is saved and the publish tried again, once
        if (err.status === 422 && !retried && followDoors(err.data.problems)) return go(true);
        if (err.status === 422) {
          problems = err.data.problems;
          fill(out, h('p', { class: 'field-error', role: 'alert' }, t('lintErrors', err.data.errors)),
            h('ul', { class: 'problem-list' }, shownProblems().filter((p) => p.severity === 'error').map((p) => h('li', { class: 'error' }, `${whereOf(p)}: ${msgOf(p)}`))));
          showProblems();
        } else fill(out, h('p', { class: 'field-error', role: 'alert' }, errText(err)));
      }
    }
    $('#publish-note').focus();
  }
  // "Changed after feedback": a line in the lobby, in three languages, as content like any other.
  async function addFeedbackNote() {
    const game = files.get('game.json') || await loadFile('game.json');
    const hubFile = game.body.rooms.find((r) => r.id === game.body.hub).file;
    const hub = await loadFile(hubFile);
    const widgets = hub.body.scene.widgets;
    const note = { id: 'feedback-note', type: 'box', rect: [24, 508, 600, 40], size: 'small', tone: 'accent', text: clone(WORDS.fi.feedbackLobby) };
    const at = widgets.findIndex((w) => w.id === 'feedback-note');
    if (at >= 0) widgets[at] = { ...widgets[at], text: note.text }; else widgets.push(note);
    changed(hubFile);
    if (!(await save(hubFile))) throw Object.assign(new Error(t('notSaved')), { code: 'not_saved' });
    return hubFile;
  }

  async function versionsDialog() {
    const v = await api('GET', `studio/versions?name=${encodeURIComponent(doc.name)}`);
    const out = h('div', { 'aria-live': 'polite' });
    const rows = v.versions.map((x) => h('li', {},
      `${t('version')} ${x.version} · ${new Date(x.at).toLocaleString(lang)} · ${who(x)} `,
      h('button', { type: 'button', onclick: async () => {
        const d = await api('GET', `studio/diff?name=${encodeURIComponent(doc.name)}&from=${x.version}`);
        fill(out, h('h3', {}, `${t('changes')}: ${x.version} → ${t('draft')}/${t('published')}`), changesTable(d.changes));
      } }, t('compare')), ' ',
      x.version !== v.versions[0].version ? h('button', { type: 'button', class: 'danger', onclick: async () => {
        if (!confirm(t('rollbackAsk', x.version))) return;
        try {
          const cur = await api('GET', `studio/file?name=${encodeURIComponent(doc.name)}`);
          await api('POST', 'studio/rollback', { name: doc.name, version: x.version, revision: cur.revision, note: '' });
          dlg.close();
          dropLocal(doc.name);
          status(() => t('rolledBack'));
          await openFile(doc.name);
        } catch (err) {
          if (err.status === 422) fill(out, h('ul', { class: 'problem-list' }, err.data.problems.map((p) => h('li', { class: p.severity }, `${fileOf(p)} · ${p.path}: ${msgOf(p)}`))));
          else fill(out, h('p', { class: 'field-error' }, errText(err)));
        }
      } }, t('rollback')) : null));
    const dlg = dialog(`${t('versions')}: ${doc.name}`, h('ul', {}, rows), out,
      h('div', { class: 'toolbar' }, h('button', { type: 'button', onclick: () => dlg.close() }, t('cancel'))));
  }
  function changesTable(changes) {
    if (!changes.length) return h('p', {}, t('noChanges'));
    const show = (v) => (v === null ? '—' : typeof v === 'string' ? v : JSON.stringify(v));
    return h('table', { class: 'changes' }, h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('field')), h('th', { scope: 'col' }, t('before')), h('th', { scope: 'col' }, t('after')))),
      h('tbody', {}, changes.map((c) => h('tr', {}, h('td', {}, c.path), h('td', {}, show(c.from)), h('td', {}, show(c.to))))));
  }
  function diffLocal(a, b, path = '', out = []) {
    if (a && b && typeof a === 'object' && typeof b === 'object') {
      for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) diffLocal(a[k], b[k], Array.isArray(a) ? `${path}[${k}]` : path ? `${path}.${k}` : k, out);
    } else if (JSON.stringify(a) !== JSON.stringify(b)) out.push({ path, from: a ?? null, to: b ?? null });
    return out;
  }
  function showConflict(name, mine, theirs) {
    const f = files.get(name);
    keepLocal(`${name}.mine`, mine, theirs.revision); // kept whatever is chosen
    const dlg = dialog(t('conflictTitle'),
      h('p', {}, t('conflictText')),
      h('h3', {}, `${t('changes')}: ${t('theirs', theirs.author || '?')} → ${t('mine')}`),
      changesTable(diffLocal(theirs.body, mine)),
      h('div', { class: 'compare' },
        h('section', {}, h('h3', {}, t('mine')), h('pre', { tabindex: 0 }, JSON.stringify(mine, null, 2))),
        h('section', {}, h('h3', {}, t('theirs', theirs.author || '?')), h('pre', { tabindex: 0 }, JSON.stringify(theirs.body, null, 2)))),
      h('div', { class: 'toolbar' },
        h('button', { type: 'button', class: 'primary', id: 'keep-mine', onclick: () => {
          f.body = mine; f.revision = theirs.revision; f.conflict = null;
          dlg.close(); changed(name); if (doc && doc.name === name) { doc = f; renderEditor(); }
        } }, t('keepMine')),
        h('button', { type: 'button', id: 'take-theirs', onclick: () => {
          f.body = theirs.body; f.revision = theirs.revision; f.conflict = null; f.dirty = false;
          dropLocal(name);
          dlg.close(); if (doc && doc.name === name) { doc = f; renderEditor(); }
        } }, t('takeTheirs'))));
    status(() => t('conflictTitle'), 'bad');
    $('#keep-mine').focus();
  }
  async function discardDraft() {
    if (!confirm(t('discardAsk'))) return;
    try {
      await api('POST', 'studio/discard', { name: doc.name, revision: doc.revision });
      dropLocal(doc.name);
      await openFile(doc.name);
    } catch (err) { status(() => errText(err), 'bad'); }
  }
  async function importFile(e) {
    const file = e.target.files[0];
    if (!file) return;
    const text = await file.text();
    try {
      const r = await api('POST', 'studio/import', { name: doc.name, text, revision: doc.revision, lang });
      dropLocal(doc.name);
      status(() => t('importOk'));
      await openFile(doc.name);
      problems = r.problems;
      showProblems();
    } catch (err) {
      if (err.status === 422) {
        const list = err.data.problems;
        dialog(t('importBad'), h('ul', { class: 'problem-list' }, list.map((p) => h('li', { class: p.severity },
          `${p.line ? `${t('line')} ${p.line}: ` : ''}${p.path ? p.path + ': ' : ''}${msgOf(p)}`))),
        h('form', { method: 'dialog' }, h('button', { type: 'submit' }, t('cancel'))));
      } else status(() => errText(err), 'bad');
    }
    e.target.value = '';
  }
  WORDS.fi.line = 'rivi'; WORDS.sv.line = 'rad'; WORDS.en.line = 'line';
  WORDS.fi.comicsTitle = 'Sarjakuvat'; WORDS.sv.comicsTitle = 'Serier'; WORDS.en.comicsTitle = 'Comics';
  WORDS.fi.comicsNote = "Sarjakuvat muokataan lomakkeilla kuten huoneet; esikatselu näyttää ne pelin omassa sarjakuvanäkymässä.";
  WORDS.sv.comicsNote = "Serier redigeras i formulär som rummen; förhandsvisningen visar dem i spelets egen serievy.";
  WORDS.en.comicsNote = "Comics are edited in forms like rooms; the preview shows them in the game's own comic viewer.";
  WORDS.fi.notSaved = 'Kaikkea ei saatu tallennettua palvelimelle (katso tila ylhäällä), joten mitään ei julkaistu. Työsi on tallessa tässä selaimessa.';
  WORDS.sv.notSaved = 'Allt kunde inte sparas på servern (se statusen överst), så inget publicerades. Ditt arbete finns kvar i den här webbläsaren.';
  WORDS.en.notSaved = 'Not everything could be saved to the server (see the status at the top), so nothing was published. Your work is kept in this browser.';
  Object.assign(WORDS.fi, {"comic": "Sarjakuva", "characters": "Henkilöt", "addCharacter": "Lisää henkilö", "charName": "Nimi (ruudunlukija sanoo sen ennen repliikkiä)", "pages": "Sivut", "addPage": "Lisää sivu", "pageN": "Sivu", "panels": "Ruudut lukujärjestyksessä", "addPanel": "Lisää ruutu", "panelN": "Ruutu", "panelsShort": "ruutua", "bubbles": "Puhekuplat", "addBubble": "Lisää kupla", "bubbleN": "kupla", "bubbleKind": "Kuplan laji", "speech": "Puhe", "thought": "Ajatus", "caption": "Kertoja", "speaker": "Puhuja", "bubbleText": "Teksti", "atX": "Paikka vasemmalta (%)", "atY": "Paikka ylhäältä (%)", "widthPct": "Leveys (% ruudusta)", "tailX": "Hännän kärki vasemmalta (%)", "tailY": "Hännän kärki ylhäältä (%)", "tailOf": "Hännän kärki, kupla", "panelDescription": "Mitä ruudussa näkyy (ruudunlukijalle)", "panelImage": "Ruudun kuva", "uploadPanel": "Lataa ruudun kuva (PNG tai SVG)", "comicHelp": "Vedä ruutuja, kuplia ja hännän kärkiä hiirellä tai sormella; kulmasta muutat kokoa. Näppäimistöllä: sarkain valitsee, nuolet siirtävät, Vaihto + nuolet muuttavat kokoa. Kuplan korkeus tulee tekstistä: esikatselu näyttää sen, ja tarkistin kertoo, jos teksti ei mahdu."});
  Object.assign(WORDS.sv, {"comic": "Serie", "characters": "Personer", "addCharacter": "Lägg till person", "charName": "Namn (skärmläsaren säger det före repliken)", "pages": "Sidor", "addPage": "Lägg till sida", "pageN": "Sida", "panels": "Rutor i läsordning", "addPanel": "Lägg till ruta", "panelN": "Ruta", "panelsShort": "rutor", "bubbles": "Pratbubblor", "addBubble": "Lägg till bubbla", "bubbleN": "bubbla", "bubbleKind": "Bubblans slag", "speech": "Tal", "thought": "Tanke", "caption": "Berättare", "speaker": "Talare", "bubbleText": "Text", "atX": "Plats från vänster (%)", "atY": "Plats uppifrån (%)", "widthPct": "Bredd (% av rutan)", "tailX": "Svansens spets från vänster (%)", "tailY": "Svansens spets uppifrån (%)", "tailOf": "Svansens spets, bubbla", "panelDescription": "Vad rutan visar (för skärmläsare)", "panelImage": "Rutans bild", "uploadPanel": "Ladda upp rutans bild (PNG eller SVG)", "comicHelp": "Dra rutor, bubblor och svansarnas spetsar med musen eller fingret; hörnet ändrar storleken. Med tangentbordet: Tab väljer, pilarna flyttar, Skift + pilar ändrar storleken. Bubblans höjd kommer av texten: förhandsvisningen visar den, och kontrollen säger till om texten inte ryms."});
  Object.assign(WORDS.en, {"comic": "Comic", "characters": "Characters", "addCharacter": "Add a character", "charName": "Name (a screen reader says it before their words)", "pages": "Pages", "addPage": "Add a page", "pageN": "Page", "panels": "Panels in reading order", "addPanel": "Add a panel", "panelN": "Panel", "panelsShort": "panels", "bubbles": "Bubbles", "addBubble": "Add a bubble", "bubbleN": "bubble", "bubbleKind": "Kind of bubble", "speech": "Speech", "thought": "Thought", "caption": "Narrator", "speaker": "Speaker", "bubbleText": "Text", "atX": "Place from the left (%)", "atY": "Place from the top (%)", "widthPct": "Width (% of the panel)", "tailX": "Tail tip from the left (%)", "tailY": "Tail tip from the top (%)", "tailOf": "Tail tip, bubble", "panelDescription": "What the panel shows (for screen readers)", "panelImage": "The panel's picture", "uploadPanel": "Upload the panel's picture (PNG or SVG)", "comicHelp": "Drag panels, bubbles and tail tips with the mouse or a finger; the corner resizes. With the keyboard: Tab selects, arrows move, Shift + arrows resize. A bubble's height comes from its text: the preview shows it, and the checker says when the text does not fit."});
  WORDS.fi.version = 'Versio'; WORDS.sv.version = 'Version'; WORDS.en.version = 'Version';
  WORDS.fi.stSameAll = 'sama kaikilla kielillä'; WORDS.sv.stSameAll = 'samma på alla språk'; WORDS.en.stSameAll = 'same in every language';
  // The server's refusals an author can meet, in the author's language (its own words are English).
  Object.assign(WORDS.fi.err, { no_drafts: 'Julkaistavaa ei ole: mitään ei ole muutettu julkaistun version jälkeen.',
    conflict: 'Joku muu tallensi jonkin näistä tiedostoista sen jälkeen, kun avasit sen. Lataa sivu uudelleen, niin näet muutokset.',
    not_found: 'Tätä versiota ei löytynyt.', empty: 'Kuvatiedosto on tyhjä.' });
  Object.assign(WORDS.sv.err, { no_drafts: 'Det finns inget att publicera: inget har ändrats sedan den publicerade versionen.',
    conflict: 'Någon annan sparade en av filerna efter att du öppnade den. Ladda om sidan så ser du ändringarna.',
    not_found: 'Versionen hittades inte.', empty: 'Bildfilen är tom.' });
  Object.assign(WORDS.en.err, { no_drafts: 'There is nothing to publish: nothing has changed since the published version.',
    conflict: 'Someone saved one of these files after you opened it. Reload the page to see their changes.',
    not_found: 'That version was not found.', empty: 'The picture file is empty.' });
  WORDS.fi.err.busy = 'Palvelin tarkistaa juuri muiden töitä. Yritä hetken päästä uudelleen.';
  WORDS.sv.err.busy = 'Servern kontrollerar andras arbete just nu. Försök igen om en stund.';
  WORDS.en.err.busy = 'The server is checking other authors\' work just now. Try again in a moment.';
  // making a comic, its page size and its pictures
  Object.assign(WORDS.fi, { newComic: 'Uusi sarjakuva', createComic: 'Luo sarjakuva', comicName: 'Sarjakuvan nimi',
    newComicNote: 'Sarjakuva saa ensimmäisen sivun ja ruudun. Aulaan tulee painike, josta pelaajat avaavat sen: voit siirtää painiketta aulan näkymässä.',
    comicCreated: 'Sarjakuva luotu luonnoksena: aulaan lisättiin painike, joka avaa sen.', removeComic: 'Poista sarjakuva',
    removeComicAsk: (x) => `Poistetaanko sarjakuva "${x}"? Myös aulan painike ja muut viittaukset siihen poistetaan. Muutos julkaistaan vasta, kun julkaiset.`,
    comicRemoved: 'Sarjakuva ja viittaukset siihen poistettu luonnoksena: julkaise, niin muutos menee pelaajille.',
    pageSize: 'Sivun koko', pageShape: 'Sivun muoto', shape_landscape: 'Vaaka', shape_portrait: 'Pysty', shape_square: 'Neliö', shapeCustom: 'Oma koko',
    pageW: 'Leveys (kuvapistettä)', pageH: 'Korkeus (kuvapistettä)', pageSizeNote: 'Ruudut ja kuplat skaalautuvat sivun mukana. Koko on 200–4000 kuvapistettä.',
    pageResized: (w, hh) => `Sivun koko nyt ${w} × ${hh}.`, uploadPanel: 'Lataa ruudun kuva (PNG, JPEG tai SVG)',
    scaling: (a, w, hh) => `Kuva on suuri (${a} kt, ${w} × ${hh}): pienennetään selaimessa…`,
    scaledTo: (a, w, hh, b, w2, h2) => `Kuva oli liian suuri (${a} kt, ${w} × ${hh}): se pienennettiin selaimessa kokoon ${w2} × ${h2} ja ${b} kilotavuun JPEG-kuvaksi (selaimen oma Canvas-ohjelmointirajapinta, ei erillistä kirjastoa).`,
    panelBudget: (n, max, left) => `Kuva on ${n} kt; ruudun kuva saa olla enintään ${max} kt. Sarjakuva ladataan vasta, kun se avataan, joten ensimmäisen latauksen budjetista on yhä jäljellä ${left} kt.`,
    panelTooBig: (a, max) => `Kuva (${a} kt) on liian suuri: ruudun SVG-kuva saa olla enintään ${max} kt.` });
  Object.assign(WORDS.sv, { newComic: 'Ny serie', createComic: 'Skapa serien', comicName: 'Seriens namn',
    newComicNote: 'Serien får en första sida och ruta. I lobbyn kommer en knapp som spelarna öppnar den med: du kan flytta knappen i lobbyns vy.',
    comicCreated: 'Serien skapad som utkast: en knapp som öppnar den lades till i lobbyn.', removeComic: 'Ta bort serien',
    removeComicAsk: (x) => `Ta bort serien "${x}"? Också knappen i lobbyn och andra hänvisningar till den tas bort. Ändringen publiceras först när du publicerar.`,
    comicRemoved: 'Serien och hänvisningarna till den togs bort som utkast: publicera för att ändra för spelarna.',
    pageSize: 'Sidans storlek', pageShape: 'Sidans form', shape_landscape: 'Liggande', shape_portrait: 'Stående', shape_square: 'Kvadrat', shapeCustom: 'Egen storlek',
    pageW: 'Bredd (pixlar)', pageH: 'Höjd (pixlar)', pageSizeNote: 'Rutorna och bubblorna skalas med sidan. Storleken är 200–4000 pixlar.',
    pageResized: (w, hh) => `Sidans storlek nu ${w} × ${hh}.`, uploadPanel: 'Ladda upp rutans bild (PNG, JPEG eller SVG)',
    scaling: (a, w, hh) => `Bilden är stor (${a} kB, ${w} × ${hh}): den förminskas i webbläsaren…`,
    scaledTo: (a, w, hh, b, w2, h2) => `Bilden var för stor (${a} kB, ${w} × ${hh}): den förminskades i webbläsaren till ${w2} × ${h2} och ${b} kB som JPEG (webbläsarens eget Canvas-gränssnitt, inget separat bibliotek).`,
    panelBudget: (n, max, left) => `Bilden är ${n} kB; en rutas bild får vara högst ${max} kB. Serien laddas först när den öppnas, så av den första laddningens budget återstår fortfarande ${left} kB.`,
    panelTooBig: (a, max) => `Bilden (${a} kB) är för stor: en rutas SVG-bild får vara högst ${max} kB.` });
  Object.assign(WORDS.en, { newComic: 'New comic', createComic: 'Create the comic', comicName: 'The comic\'s name',
    newComicNote: 'The comic gets a first page and panel. The lobby gets a button that players open it with: you can move the button in the lobby\'s scene.',
    comicCreated: 'The comic was created as a draft: a button that opens it was added to the lobby.', removeComic: 'Remove the comic',
    removeComicAsk: (x) => `Remove the comic "${x}"? Its lobby button and other references to it go too. Nothing changes for players until you publish.`,
    comicRemoved: 'The comic and its references were removed as a draft: publish to change it for players.',
    pageSize: 'Page size', pageShape: 'Page shape', shape_landscape: 'Landscape', shape_portrait: 'Portrait', shape_square: 'Square', shapeCustom: 'Own size',
    pageW: 'Width (pixels)', pageH: 'Height (pixels)', pageSizeNote: 'Panels and bubbles are scaled with the page. The size is 200–4000 pixels.',
    pageResized: (w, hh) => `The page is now ${w} × ${hh}.`, uploadPanel: 'Upload the panel\'s picture (PNG, JPEG or SVG)',
    scaling: (a, w, hh) => `The picture is large (${a} kB, ${w} × ${hh}): scaling it in the browser…`,
    scaledTo: (a, w, hh, b, w2, h2) => `The picture was too large (${a} kB, ${w} × ${hh}): it was scaled in the browser to ${w2} × ${h2} and ${b} kB as a JPEG (the browser's own Canvas API, no separate library).`,
    panelBudget: (n, max, left) => `The picture is ${n} kB; a panel's picture may be at most ${max} kB. A comic is fetched only when it opens, so ${left} kB of the first load's budget is still left.`,
    panelTooBig: (a, max) => `The picture (${a} kB) is too large: a panel's SVG picture may be at most ${max} kB.` });

  // ---- routing ---------------------------------------------------------------------------------------------------
  function applyLang() {
    document.documentElement.lang = lang;
    for (const el of document.querySelectorAll('[data-t]')) el.textContent = t(el.dataset.t);
    $('#lang').value = lang;
    $('#status').textContent = said(statusNow);
  }
  async function route() {
    if (!session) return showLogin();
    const m = /^#file=(.+)$/.exec(location.hash);
    try {
      if (m) await openFile(decodeURIComponent(m[1]));
      else await showRooms();
    } catch (e) { status(() => errText(e), 'bad'); }
  }
  window.addEventListener('hashchange', route);
  $('#lang').addEventListener('change', (e) => {
    lang = e.target.value;
    try { localStorage.setItem('pakopeli.studio.lang', lang); } catch (err) { /* fine */ }
    applyLang();
    route();
  });
  $('#logout').addEventListener('click', async () => {
    try { await api('POST', 'hr/logout', {}); } catch (e) { /* gone anyway */ }
    session = null;
    showLogin();
  });
  document.addEventListener('input', (e) => {
    const el = e.target.closest('[data-path]');
    if (!el || !el.classList.contains('has-error')) return;
    el.classList.remove('has-error');
    el.removeAttribute('aria-invalid');
    const id = el.getAttribute('aria-describedby');
    if (id && $(`#${id}`)) $(`#${id}`).textContent = t('checking');
  });
  window.pakopeliStudio = { files, problems: () => problems, save }; // for tests and curious authors

  applyLang();
  (async () => {
    try {
      session = await api('GET', 'hr/session');
      if (session.must_change) showPassword(''); else start();
    } catch (e) { showLogin(); }
  })();
})();
