# -*- coding: utf-8 -*-
"""Sentences of blog prose per language for sweep.py, with the typographic characters
real posts hold (quotes, dashes, €, °, ½, §) and, in a second part, marks correct text
holds that a wrong code page also gives (`’n’`, `12ºC`, `cost–benefit`, `Ä, Ö`).
Written for postlint (see ../../Rules/typo/README.md for the project's licence)."""
P = {}
P['en'] = ["“Hello,” she said. “It’s been a while.”", "It’s fine — really.", "We’ll see what happens tomorrow…", "The café’s résumé section was naïve.",
 "Prices start at €5 or £4.", "It was 25 °C outside, ±2 degrees.", "See § 3 and ¶ 2 for details.", "The ratio is 3 × 4 ÷ 2.", "Add ½ cup of sugar and ¼ cup of milk.",
 "© 2021 Example Inc. All rights reserved.", "Postlint™ and Swift® are trademarks.", "The 1990s were ‘interesting’, to say the least.", "Rock ’n’ roll never dies.",
 "Pages 10–20 cover the basics.", "He said: ‘maybe’.", "x² + y² = z³", "The sensor measures 5 µm particles.", "• First item • Second item",
 "I’d rather not say.", "Don’t forget the 2nd edition.", "The deadline is 5 p.m. — don’t be late.", "This is a plain sentence about software engineering.",
 "Another ordinary sentence follows here with no special characters.", "We deployed version 2.0 on Friday.", "’Tis the season to refactor.", "Café au lait, please."]
P['fr'] = ["Le cœur a ses raisons que la raison ne connaît point.", "L’œil du cyclone est passé sur l’île.", "Ma sœur a acheté des œufs au marché.",
 "C’était un été très chaud à Paris.", "Où êtes-vous allés pendant les vacances de Noël ?", "Le garçon a reçu une lettre de sa grand-mère.",
 "Ça coûte 12 € au café du coin.", "« Bonjour », dit-il en souriant.", "Il fait 30 °C aujourd’hui, c’est étouffant.", "Le bœuf bourguignon est un plat français.",
 "Voilà… c’est fini.", "ÇA NE VA PAS DU TOUT !", "Les œuvres complètes — tome II — sont parues.", "Il a obtenu 18/20 au 1er trimestre.", "Qu’est-ce que c’est ?", "L’ÉTÉ EST LÀ."]
P['de'] = ["Die Größe der Äpfel ist überraschend.", "Zwölf Boxkämpfer jagen Viktor über den Deich.", "Schöne Grüße aus München!", "„Schön“, sagte der Bäcker.",
 "Es kostet 3,50 € pro Stück.", "Die Straße ist gesperrt – wegen Bauarbeiten.", "Wir müssen früh aufstehen.", "Der Fußball ist rund.", "Ein ½ Liter Milch, bitte.",
 "Äußerst ärgerlich, diese Verspätung!", "Gemäß § 5 Abs. 2 gilt Folgendes.", "ÜBERMORGEN GEHT ES LOS.", "Die Temperatur beträgt 20 °C.", "Das ist ‚ironisch‘ gemeint.", "Wir sind im 3. Quartal …"]
P['es'] = ["¿Dónde está el baño?", "El niño juega en el jardín con su perro.", "Mañana iremos a la montaña.", "¡Qué día tan bonito hace hoy!", "La señora Muñoz vive en Logroño.",
 "Cuesta 20 € por persona.", "El 1º de mayo es festivo.", "La 2ª edición salió en 2019.", "«Ven aquí», dijo su madre.", "ESPAÑA GANÓ EL PARTIDO.", "¿Cuántos años tienes?", "Él llegó — por fin — a las tres."]
P['pt'] = ["A informação é importante.", "Não há razão para preocupação.", "São Paulo é uma cidade grande.", "As crianças estão à espera.", "O pão custa 2 €.", "A 1ª edição esgotou.",
 "Ele está no nº 5 da rua.", "O coração não se engana.", "É verdade que você já viu a exposição?", "ATENÇÃO: PROMOÇÃO ATÉ SEXTA.", "«Olá», disse ele."]
P['it'] = ["La città è bellissima.", "Perché non andiamo al caffè?", "Più tardi, forse.", "L’università è chiusa lunedì.", "Il prezzo è 5 €.", "Così è la vita.",
 "È già mezzogiorno.", "Non c’è niente da fare.", "«Andiamo», disse lui.", "PERCHÉ NO?"]
P['ca'] = ["El col·legi de l’Escola és a prop.", "La paella és bona i l’aigua és freda.", "Això és així.", "Què en penses, de l’any que ve?", "Cal anar-hi amb compte: són 10 €.", "L’àvia va cuinar canelons."]
P['nl'] = ["Het café is geopend.", "Een geïnteresseerde collega.", "Zo’n mooie dag!", "De coördinatie was uitstekend.", "Het kost € 20.", "Wij gaan naar België.", "Hij zei: „Dag!”", "Één ding nog."]
P['sv'] = ["Jag åt en smörgås på färjan.", "Det var väldigt gött.", "Höstens första dag var kall.", "Övningen börjar på måndag.", "Vi åker till Göteborg i år.", "”Hej”, sa hon.", "Det kostar 50 kr – inte mer."]
P['no'] = ["Blåbærsyltetøy er godt på brødskive.", "Vi går på ski i påsken.", "Ærlig talt er det søtt.", "«Hei», sa han.", "Øya ligger nord for Tromsø.", "Det er kaldt i år – minus 20 °C."]
P['da'] = ["Rødgrød med fløde.", "Vi så en bjørn på Ærø.", "Det er ærligt talt kedeligt.", "Åen løber ud i søen.", "Børnene leger i gården.", "»Hej«, sagde hun."]
P['fi'] = ["Hyvää päivää!", "Tänään sää on kaunis ja järvellä on jäätä.", "Äiti meni kauppaan ostamaan leipää.", "Hän sanoi: ”Kiitos.”", "Syksyllä sataa paljon.", "Yö oli pitkä ja kylmä."]
P['is'] = ["Þórður fór í bæinn á föstudaginn.", "Það var mjög gaman.", "Ég er að læra íslensku.", "Veðrið er gott í dag.", "Hún sagði: „Góðan daginn.“", "Æðarfuglinn er í hættu."]
P['sq'] = ["Përshëndetje, si jeni?", "Unë jam nga Shqipëria.", "Çdo ditë mësoj diçka të re.", "Kjo është një çështje e rëndësishme.", "Ëndrra ime është të udhëtoj."]
P['et'] = ["Tänan väga!", "Õhtul läheme jõe äärde jalutama.", "Šokolaad on hea.", "Öösel on külm.", "Žürii otsus oli üllatav.", "Ülikool on suletud."]
P['pl'] = ["Zażółć gęślą jaźń.", "Wczoraj poszedłem do sklepu, żeby kupić chleb.", "Łódź jest pięknym miastem.", "Kraków ma wspaniałą starówkę.", "Będę tam w środę.",
 "„Dzień dobry” – powiedział.", "Źródło wiedzy.", "Świat się zmienia.", "Cena wynosi 20 zł.", "ŻÓŁTY SAMOCHÓD STOI PRZED DOMEM."]
P['cs'] = ["Příliš žluťoučký kůň úpěl ďábelské ódy.", "Včera jsem byl v Brně.", "Dnes jedu do Českých Budějovic.", "Teplota byla 20 °C.", "Šťastný nový rok!",
 "„Ahoj“, řekl.", "Cena je 150 Kč.", "Řeka teče pomalu.", "ČESKÁ REPUBLIKA"]
P['sk'] = ["Ďakujem veľmi pekne.", "Kôň skáče cez plot.", "Ľudia sa smejú.", "Áno, to je pravda.", "Dnes je krásny deň – poďme von.", "Čaj je horúci."]
P['hu'] = ["Árvíztűrő tükörfúrógép.", "Tegnap elmentem a boltba.", "A főváros gyönyörű, különösen ősszel.", "Köszönöm szépen a segítséget!", "„Jó reggelt!” – mondta.", "Őszintén szólva nem tudom.", "Ünnepi műsor lesz."]
P['hr'] = ["Đakovo je grad u Hrvatskoj.", "Čovjek je šetao uz rijeku Savu.", "Žena je kuhala ručak.", "Ćevapi su ukusni.", "„Dobar dan“, rekla je.", "Šuma je lijepa."]
P['sl'] = ["Čevapčiči so zelo okusni.", "Včeraj smo šli v Ljubljano.", "Videli smo žirafo.", "Šola se začne jutri.", "Življenje je lepo."]
P['ro'] = ["Ştiinţa şi tehnologia în România.", "Învăţământul este gratuit.", "Mâine mergem la Bucureşti.", "Vedem ţara şi oamenii.", "Aceasta este o întâlnire importantă.", "„Bună ziua”, a spus el."]
P['ro_comma'] = ["Știința și tehnologia în România.", "Învățământul este gratuit.", "Mâine mergem la București.", "Vedem țara și oamenii.", "Aceasta este o întâlnire importantă."]
P['tr'] = ["Bugün hava çok güzel.", "İstanbul’da çay içtik.", "Şehir çok kalabalıktı.", "Öğretmenimiz dersi iptal etti.", "Ağaçların yaprakları döküldü.", "Çünkü hastaydı.",
 "İSTANBUL’DA ÇOK GÜZEL BİR GÜN.", "“Merhaba” dedi.", "Fiyatı 20 € idi.", "Işık söndü."]
P['el'] = ["Ο άνθρωπος είναι κοινωνικό ον.", "Χθες πήγαμε στην Αθήνα.", "Η θερμοκρασία ήταν 30 °C.", "Το εισιτήριο κόστιζε 20 €.", "Ευχαριστώ πολύ!", "«Γεια σου», είπε.",
 "Άνοιξη στην Ελλάδα.", "Όλα καλά.", "Ήταν ωραία μέρα.", "ΑΘΗΝΑ: Η ΠΟΛΗ ΤΗΣ ΑΚΡΟΠΟΛΗΣ", "Έλα εδώ.", "Ένα μικρό βήμα…"]
P['lt'] = ["Ačiū labai!", "Šiandien oras gražus.", "Ąžuolai žaliuoja.", "Į mokyklą eisime rytoj.", "„Labas“, – pasakė jis.", "Ūkininkas dirba lauke."]
P['lv'] = ["Rīga ir Latvijas galvaspilsēta.", "Šodien ir ļoti skaista diena.", "Es ēdu ābolu.", "Ģimene ir svarīga.", "Ķēniņš dzīvoja pilī.", "„Labdien“, viņa teica."]

# Marks correct text holds that a wrong code page also gives.
P['en'] += ["Let ’em in.", "We stayed ’til midnight.", "The cost–benefit analysis is done.", "The north–south line reopened.", "In logic we write ¬p for not p.",
            "Press Ä, Ö or Ü on a German keyboard.", "She called it ’cause she cared.", "Scores: A+, B, C–, D."]
P['es'] += ["Hoy hace 25ºC en Sevilla.", "La mínima fue de 12ºC.", "El agua hierve a 100ºC."]
P['pt'] += ["Fazia 30ºC em Lisboa.", "A água ferve a 100ºC."]
P['it'] += ["Oggi ci sono 30ºC.", "Il forno va a 180ºC."]
P['ca'] += ["Avui fa 25ºC a Barcelona."]
P['nl'] += ["’s Avonds is het hier stil.", "Het is ’t beste zo.", "We gaan naar ’s-Hertogenbosch.", "De kosten–batenanalyse is klaar."]
P['de'] += ["Hast du ’nen Moment?", "Das ist ’ne gute Frage.", "Die Umlaute Ä, Ö und Ü."]
P['af'] = ["Dit is ’n mooi dag.", "Ek het ’n hond en ’n kat.", "Ons gaan môre see toe.", "Sê vir hom dat ek kom.", "Hy is ’n goeie man.", "Die kinders speel buite."]
P['tr'] += ["Yazarlar: Ö. Yılmaz ve Ş. Kaya.", "Editör: Ç. Demir."]
P['cs'] += ["Autoři: Ž. Novák a Š. Dvořák."]
P['pl'] += ["Autorzy: Ł. Nowak i Ś. Kowalski."]
P['sv'] += ["Vi bor vid Å i Lofoten."]
P['ga'] = ["Tá sé ag cur báistí i nÉirinn.", "Rialtas na hÉireann.", "Is é seo an lá is fearr.", "Tá áthas orm.", "Go raibh míle maith agat."]
