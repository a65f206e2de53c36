"""Word banks and sentence templates for generate.py, written for this corpus.

Every place, organisation, person and outlet is invented: names are built from
syllables (NAME_PARTS) so that each story has its own. Slots in templates:

  {P} {P2} people   {R} {R2} their roles   {O} {O2} organisations
  {L} {L2} places   {N} a noun   {Np} a plural noun   {A} an adjective
  {V} a past participle   {Vb} a verb's base form   {D} a weekday
  {M} a month   {n} a small number   {k} a large number   {pct} a percentage
  {dn} a day of the month   {cur} the currency

Arabic adds {NA} (a noun with an agreeing adjective) and {Vm} (a verbal noun),
Persian {Vf} (a verb in the future). Multi-word nouns in EN_TOPICS are joined
by "_". Every occurrence of a slot draws again from the story's vocabulary (so {N}
twice may be two nouns); the story's vocabulary is a sample of the bank, which
keeps unrelated stories apart while the stopwords and common words stay shared.
"""

# ---- English -------------------------------------------------------------------

EN_TOPICS = {
    "water": "reservoir dam canal pipeline pump spillway well aquifer sluice weir filter tank "
             "meter valve basin channel culvert fountain cistern standpipe pond lock towpath "
             "waterwheel outflow intake gauge hydrant trench drain",
    "transport": "bridge tunnel railway platform ferry timetable bus tram junction depot signal "
                 "carriage ticket route station roundabout bypass viaduct crossing lane harbour "
                 "jetty footbridge cable_car towpath timetable shuttle siding freight terminal",
    "culture": "museum festival exhibition library theatre orchestra archive manuscript mural "
               "gallery choir concert sculpture tapestry pavilion lantern parade chapel bandstand "
               "workshop costume puppet organ fresco pottery atlas chronicle exhibit stage",
    "farming": "orchard harvest barley vineyard greenhouse granary tractor pasture seed hive "
               "flock dairy mill silo fertiliser crop plough meadow barn cider cheese hedge "
               "paddock sheep goat apple pear wheat rye oat",
    "weather": "storm flood drought forest wildfire glacier avalanche wetland river snowfall "
               "heatwave shelter levee embankment gale frost landslide thaw rainfall gully "
               "riverbank dune cliff marsh lagoon ridge slope creek",
    "schools": "school classroom curriculum teacher exam scholarship laboratory campus lecture "
               "textbook pupil timetable playground canteen dormitory library tutor diploma "
               "kindergarten semester course headteacher apprenticeship microscope notebook",
    "health": "clinic hospital ward vaccine ambulance pharmacy nurse screening surgeon patient "
              "midwife bed waiting_list dentist therapy infirmary helpline blood_bank stretcher "
              "physiotherapist prescription checkup outbreak quarantine",
    "trade": "market warehouse port cargo tariff stall merchant shipment crate auction "
             "ledger counter quay dock trader customs fair bakery shop arcade bazaar "
             "invoice pallet loan credit storefront",
    "energy": "turbine panel grid substation battery cable generator windmill boiler furnace "
              "pylon transformer meter outage kiln chimney heat_pump insulation fuel depot "
              "switchboard feeder socket lamp streetlight",
    "sport": "stadium marathon league tournament pitch regatta relay trophy referee coach "
             "squad season medal racecourse velodrome gymnasium rink match final cup "
             "spectator scoreboard locker changing_room kit",
}

EN_GENERAL_NOUNS = (
    "plan project budget survey proposal report inquiry council hearing petition contract "
    "schedule deadline repair upgrade extension study grant fund vote review meeting permit "
    "inspection committee network pilot programme scheme agreement dispute delay priority "
    "community district square road village quarter neighbourhood estate avenue"
).split()

EN_ADJECTIVES = (
    "new old large small ambitious modest temporary permanent costly cheap rural urban "
    "regional northern southern eastern western central narrow wide quiet busy historic "
    "modern fragile sturdy crowded empty seasonal annual provisional final popular "
    "controversial overdue cautious rapid gradual shared private public flooded dry "
    "wooden stone steep shallow deep remote nearby coastal upland lowland experimental "
    "joint independent unusual routine ageing restored damaged improved rebuilt"
).split()

# base form : past participle
EN_VERBS = dict(v.split(":") for v in (
    "approve:approved delay:delayed inspect:inspected repair:repaired open:opened close:closed "
    "expand:expanded fund:funded extend:extended replace:replaced restore:restored "
    "reopen:reopened survey:surveyed test:tested upgrade:upgraded postpone:postponed "
    "review:reviewed protect:protected clean:cleaned measure:measured build:built "
    "rebuild:rebuilt sell:sold move:moved reduce:reduced double:doubled widen:widened "
    "paint:painted map:mapped monitor:monitored launch:launched suspend:suspended "
    "finish:finished announce:announced redesign:redesigned relocate:relocated "
    "strengthen:strengthened shorten:shortened convert:converted connect:connected "
    "insure:insured license:licensed plant:planted drain:drained light:lit hold:held"
).split())

EN_ROLES = ("director chair mayor spokesperson treasurer engineer secretary coordinator "
            "manager warden curator inspector").split()

EN_ORG_TYPES = ["Water Board", "Rail Trust", "Harbour Authority", "Farmers' Cooperative",
                "Heritage Society", "District Council", "Transit Office", "Library Trust",
                "Weather Service", "Fisheries Board", "Forestry Office", "Tenants' Union",
                "Chamber of Trade", "Museum Trust", "Health Board", "Energy Cooperative",
                "Sports Club", "School Board", "Market Guild", "Planning Office"]

EN_PLACE_KINDS = ["Valley", "Bay", "Falls", "Hollow", "Crossing", "Heights", "Springs", "Vale"]

EN_WEEKDAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
EN_MONTHS = ("January February March April May June July August September October "
             "November December").split()

EN_HEADLINES = [
    "{O} {V} {A} {N} in {L}",
    "{A} {N} plan for {L} moves ahead",
    "{L} waits for {A} {N} as {N} work slows",
    "{P} backs {A} {N} for {L}",
    "{k} {cur} set aside for {N} in {L}",
    "Questions over {A} {N} at {L}",
    "{L} {N} to be {V} by {M}",
]

EN_SENTENCES = [
    "{O} {V} the {A} {N} in {L} on {D}, ending months of debate among {Np} and {Np}.",
    "Officials in {L} said on {D} that the {N} near the {A} {N} would be {V} before the end of {M}.",
    "Work on the {N} at {L} was {V} this week after {O} approved a budget of {k} {cur}.",
    "\"The {N} is {A}, but the {N} will help every {N} in {L},\" said {P}, the {R} of {O}.",
    "{P}, who {V} the {N} in {M}, told reporters that {n} {Np} were still waiting for the {A} {N}.",
    "According to {P}, the {R} of {O}, the {N} could {Vb} the {A} {N} within {n} weeks.",
    "The {N} was first {V} by {O2} more than {n} years ago, when {L2} still relied on a single {A} {N}.",
    "Residents of {L} have long asked for a {A} {N} to replace the old {N} beside the {N}.",
    "Last year {O2} {V} {n} {Np} across {L} and {L2}, a figure it described as {A}.",
    "The plan covers {k} {Np}, {n} {Np} and a {A} {N} on the edge of {L}.",
    "Some {pct} percent of the {Np} in {L} are expected to use the new {N} by {M}.",
    "The total cost is estimated at {k} {cur}, of which {O} will pay about {pct} percent.",
    "{P2}, the {R2} of {O2}, said the next step would be to {Vb} the {N} and {Vb} the {A} {N}.",
    "A public meeting on the {N} is planned in {L} on {D} {dn} {M}.",
    "{O} said it would {Vb} its {A} {N} again in {M} and publish the results online.",
    "Not everyone agrees: {P2} warned that the {N} might {Vb} the {A} {N} of {L2}.",
    "The {A} {N} has already been {V} {n} times, according to figures from {O2}.",
    "Volunteers from {L2} helped to {Vb} the {N} during the {A} {N} of {M}.",
    "In {M}, {n} {Np} gathered outside the {N} of {L} to ask for a {A} {N}.",
    "{O} has not said whether the {N} will {Vb} the {Np} near {L2}.",
    "The {N} stands between the {A} {N} and the {N}, a short walk from the centre of {L}.",
    "Engineers from {O2} {V} the {N} twice in {M} and found the {N} {A}.",
    "{P} said the {Np} would be {V} in stages, starting with the {A} {N} near {L}.",
    "Funding for the {N} comes partly from {O2} and partly from a {A} {N} in {L2}.",
    "The decision follows a {A} {N} in {M}, when the {N} of {L} had to be {V}.",
    "Local {Np} said they hoped the {N} would bring {A} {Np} back to {L}.",
    "A spokesperson for {O} confirmed that {n} {Np} had been {V} so far.",
    "Further details will be shared at the {A} {N} of {O} on {D}.",
    "The {R} of {O}, {P}, is expected to {Vb} the {N} in person.",
    "Traffic around {L} may be slowed for up to {n} days while the {N} is {V}.",
]

EN_SYNONYMS = {
    "said": "stated", "told": "informed", "about": "around", "asked": "called",
    "planned": "scheduled", "expected": "likely", "hoped": "wished", "helped": "worked",
    "confirmed": "acknowledged", "warned": "cautioned", "found": "judged", "shared": "given",
    "start": "begin", "starting": "beginning", "first": "initially", "long": "often",
    "months": "weeks", "week": "month", "reporters": "journalists", "residents": "locals",
    "figures": "numbers", "results": "findings", "public": "open", "next": "following",
    "whether": "if", "total": "overall", "debate": "discussion", "centre": "middle",
    "still": "yet", "single": "lone", "gathered": "met", "online": "publicly",
}

EN_BOILERPLATE = {  # outlet: (header, footer)
    "Fictional Wire": ("Fictional Wire —", "Follow us for daily updates from the valley."),
    "Valley Courier": ("VALLEY COURIER | Regional desk", "Sign up for the Valley Courier morning letter."),
    "Harbour Lantern": ("Harbour Lantern staff report", "Tips and corrections: write to the Harbour Lantern newsroom."),
    "Northmarch Gazette": ("Northmarch Gazette", "This story was updated with comments from local officials."),
    "Tallowmere Observer": ("From the Tallowmere Observer", "Read more stories from the hills on our website."),
}

# ---- French --------------------------------------------------------------------

# (singular with its article, plural without)
FR_NOUNS = [tuple(x.split("|")) for x in (
    "le barrage|barrages", "la digue|digues", "le pont|ponts", "le tunnel|tunnels",
    "la gare|gares", "le quai|quais", "le marché|marchés", "l'entrepôt|entrepôts",
    "le musée|musées", "la bibliothèque|bibliothèques", "le théâtre|théâtres",
    "le festival|festivals", "la serre|serres", "le verger|vergers", "la récolte|récoltes",
    "le moulin|moulins", "la ferme|fermes", "l'école|écoles", "le lycée|lycées",
    "la clinique|cliniques", "l'hôpital|hôpitaux", "la pharmacie|pharmacies",
    "le stade|stades", "le port|ports", "la centrale|centrales", "l'éolienne|éoliennes",
    "le réseau|réseaux", "la route|routes", "le canal|canaux", "le réservoir|réservoirs",
    "la forêt|forêts", "la rivière|rivières", "le sentier|sentiers", "la place|places",
    "le chantier|chantiers", "le budget|budgets", "le projet|projets", "le rapport|rapports",
    "la réunion|réunions", "le vote|votes", "la subvention|subventions", "le tramway|tramways",
    "l'atelier|ateliers", "la fontaine|fontaines", "le jardin|jardins", "la halle|halles",
    "le phare|phares", "la station|stations", "le refuge|refuges", "la chapelle|chapelles",
    "le laboratoire|laboratoires", "la cantine|cantines", "le dispensaire|dispensaires",
    "la passerelle|passerelles", "l'écluse|écluses", "le silo|silos",
    "la fromagerie|fromageries", "le vignoble|vignobles", "la crèche|crèches",
    "l'archive|archives", "la fresque|fresques",
)]

# adjectives with one form for both genders
FR_ADJECTIVES = ("rapide large modeste fragile solide propre calme utile simple rare vaste "
                 "stable moderne précaire nécessaire provisoire fiable habile sobre célèbre "
                 "paisible durable lisible visible sensible pauvre riche tranquille immense "
                 "énorme insolite pratique agricole").split()

FR_VERBS = ("approuvé inspecté reporté financé présenté rénové fermé ouvert agrandi modernisé "
            "déplacé réparé évalué restauré prolongé suspendu annoncé inauguré protégé "
            "mesuré nettoyé relié reconstruit remplacé").split()

FR_ROLES = ("la directrice|le directeur|la présidente|le président|la maire|le maire|"
            "la porte-parole|le trésorier|l'ingénieure|le secrétaire|la coordinatrice").split("|")

FR_ORG_TYPES = ["le Syndicat des eaux", "l'Office des transports", "la Société d'histoire",
                "la Coopérative agricole", "le Conseil communal", "la Régie de l'énergie",
                "l'Association des riverains", "la Chambre de commerce", "le Service météorologique",
                "l'Office du tourisme", "la Caisse de santé", "la Fédération sportive"]

FR_PLACE_KINDS = ["Val", "Mont", "Port", "Saint", "Pont", "Bourg"]

FR_WEEKDAYS = "lundi mardi mercredi jeudi vendredi samedi dimanche".split()
FR_MONTHS = ("janvier février mars avril mai juin juillet août septembre octobre "
             "novembre décembre").split()

FR_HEADLINES = [
    "{L} : {N} {A} sera {V} en {M}",
    "{O} a {V} {N} de la commune",
    "{k} {cur} pour {N} à {L}",
    "À {L}, {N} {A} divise les habitants",
    "{P} défend {N} {A}",
]

FR_SENTENCES = [
    "{O} a {V} {N} {A} de {L} ce {D}, après des mois de discussions entre les {Np} et les {Np}.",
    "Selon {P}, {R} de {O}, {N} pourrait être {V} avant la fin du mois de {M}.",
    "Les travaux ont commencé cette semaine, pour un budget de {k} {cur} voté par {O}.",
    "« {N} est {A}, mais il faut penser aux {Np} de {L} », a déclaré {P}.",
    "{P2}, {R2} de {O2}, estime que {N} doit être {V} en priorité.",
    "Il y a {n} ans, {O2} avait déjà {V} {N} {A} près de {L2}.",
    "Les habitants de {L} réclament depuis longtemps {N} plus {A}.",
    "L'an dernier, {n} {Np} ont été {V} entre {L} et {L2}, selon {O2}.",
    "Le projet comprend {k} {Np}, {n} {Np} et {N} {A} à l'entrée de {L}.",
    "Environ {pct} % des {Np} de {L} devraient profiter du nouveau service en {M}.",
    "Le coût total est estimé à {k} {cur}, dont {pct} % seront pris en charge par {O}.",
    "Une réunion publique aura lieu à {L} le {D} {dn} {M}.",
    "{O} publiera en {M} un rapport détaillé sur {N} et sur les {Np}.",
    "Tout le monde n'est pas d'accord : {P2} craint que {N} ne soit {V} trop tard.",
    "Des bénévoles de {L2} ont aidé à préparer {N} pendant le mois de {M}.",
    "En {M}, {n} {Np} se sont réunis devant {N} de {L}.",
    "{O} n'a pas précisé si {N} serait {V} avant l'hiver.",
    "Des ingénieurs de {O2} ont {V} {N} à deux reprises et l'ont jugé {A}.",
    "Le financement provient en partie de {O2} et en partie de {L2}.",
    "La circulation autour de {L} pourrait être perturbée pendant {n} jours.",
    "{P} a assuré que les {Np} seraient {V} par étapes.",
    "Un porte-parole de {O} a confirmé que {n} {Np} avaient déjà été {V}.",
    "Les commerçants de {L} espèrent que {N} attirera de nouveaux {Np}.",
    "D'autres détails seront communiqués lors de la prochaine séance de {O}.",
]

FR_SYNONYMS = {
    "déclaré": "affirmé", "estime": "pense", "réclament": "demandent", "environ": "près",
    "précisé": "indiqué", "commencé": "débuté", "publiera": "diffusera", "aidé": "contribué",
    "habitants": "riverains", "réunion": "rencontre", "semaine": "quinzaine", "longtemps": "années",
    "coût": "montant", "total": "global", "travaux": "chantiers", "jugé": "trouvé",
}

FR_BOILERPLATE = {
    "Le Courrier des Collines": ("Le Courrier des Collines —", "Retrouvez toute l'actualité des collines sur notre site."),
    "Écho du Plateau": ("ÉCHO DU PLATEAU | Rédaction locale", "Abonnez-vous à la lettre du matin de l'Écho du Plateau."),
}

# ---- Persian -------------------------------------------------------------------

FA_NOUNS = (
    "پل سد جاده کارخانه مدرسه بیمارستان کتابخانه بازار باغ مزرعه رودخانه ایستگاه فرودگاه "
    "پارک موزه دانشگاه آزمایشگاه تونل بندر انبار کارگاه نیروگاه درمانگاه ورزشگاه "
    "کانال مخزن چاه گلخانه آسیاب تالار جشنواره نمایشگاه کتاب تئاتر کشتی قطار اتوبوس "
    "شبکه کابل توربین باتری پمپ لوله خیابان میدان محله روستا دهکده جنگل کوه دشت "
    "برداشت گندم انگور سیب خرما زعفران پنیر شیر نان فرش سفال کاشی گنبد دروازه "
    "بودجه طرح گزارش جلسه قرارداد پروژه"
).split()

FA_ADJECTIVES = ("جدید قدیمی بزرگ کوچک تاریخی مدرن محلی شمالی جنوبی شرقی غربی مرکزی "
                 "باریک پهن شلوغ آرام گران ارزان موقت دائمی فرسوده نوساز کوهستانی ساحلی "
                 "روستایی شهری مشترک عمومی خصوصی سنگی چوبی").split()

# a verb phrase that closes a sentence: past ({V}) and future ({Vf})
FA_VERBS = [tuple(x.split("|")) for x in (
    "بازسازی شد|بازسازی خواهد شد", "افتتاح شد|افتتاح خواهد شد", "تعطیل شد|تعطیل خواهد شد",
    "تعمیر شد|تعمیر خواهد شد", "بررسی شد|بررسی خواهد شد", "تصویب شد|تصویب خواهد شد",
    "گسترش یافت|گسترش خواهد یافت", "تکمیل شد|تکمیل خواهد شد", "متوقف شد|متوقف خواهد شد",
    "جابجا شد|جابجا خواهد شد", "نوسازی شد|نوسازی خواهد شد", "آزمایش شد|آزمایش خواهد شد",
)]

FA_ROLES = "رئیس مدیر سخنگوی شهردار مهندس دبیر بازرس مسئول".split()

FA_ORG_TYPES = ["شرکت آب", "سازمان حمل و نقل", "انجمن میراث", "تعاونی کشاورزان",
                "شورای شهر", "اداره هواشناسی", "بنیاد کتابخانه", "هیئت ورزش",
                "اتاق بازرگانی", "شبکه بهداشت"]

FA_WEEKDAYS = "شنبه یکشنبه دوشنبه سه‌شنبه چهارشنبه پنجشنبه جمعه".split()
FA_MONTHS = "فروردین اردیبهشت خرداد تیر مرداد شهریور مهر آبان آذر دی بهمن اسفند".split()

FA_HEADLINES = [
    "{N} {A} {L} {V}",
    "{O} از طرح {N} {L} خبر داد",
    "{k} {cur} برای {N} {L}",
    "{P}: {N} {A} تا {M} آماده می‌شود",
]

FA_SENTENCES = [
    "به گزارش خبرنگار ما، {O} روز {D} اعلام کرد که {N} {A} {L} تا پایان {M} {Vf}.",
    "{P}، {R} {O}، گفت که ساکنان {L} سال‌ها منتظر {N} {A} بوده‌اند.",
    "بودجه این طرح {k} {cur} است و {O} حدود {pct} درصد آن را می‌پردازد.",
    "به گفته {P}، کار {N} در {n} مرحله انجام می‌شود و مرحله نخست از {M} آغاز خواهد شد.",
    "{P2}، {R2} {O2}، هشدار داد که {N} {L2} هنوز {A} است.",
    "{n} سال پیش {N} {A} در نزدیکی {L2} {V}.",
    "سال گذشته {n} {N} در {L} و {L2} {V} و این رقم بی‌سابقه بود.",
    "این طرح شامل {k} {N}، {n} {N} و یک {N} {A} در ورودی {L} است.",
    "پیش‌بینی می‌شود حدود {pct} درصد از ساکنان {L} تا {M} از {N} جدید استفاده کنند.",
    "جلسه عمومی درباره {N} روز {D} {dn} {M} در {L} برگزار می‌شود.",
    "{O} قرار است گزارش کامل {N} را در {M} منتشر کند.",
    "همه موافق نیستند و {P2} می‌گوید {N} {A} ممکن است به {N} {L2} آسیب بزند.",
    "داوطلبان {L2} در {M} به آماده‌سازی {N} کمک کردند.",
    "در {M}، {n} نفر از اهالی {L} مقابل {N} جمع شدند و خواستار {N} {A} شدند.",
    "کارشناسان {O2} دو بار از {N} بازدید کردند و وضعیت آن را {A} دانستند.",
    "بخشی از هزینه {N} را {O2} و بخشی را اهالی {L2} تأمین می‌کنند.",
    "ترافیک اطراف {L} ممکن است تا {n} روز کند شود.",
    "یک سخنگوی {O} تأیید کرد که تاکنون {n} {N} {V}.",
    "کسبه {L} امیدوارند {N} {A} مشتریان تازه‌ای به محله بیاورد.",
    "جزئیات بیشتر در نشست بعدی {O} اعلام خواهد شد.",
]

FA_SYNONYMS = {
    "گفت": "اظهار کرد", "اعلام": "اعلان", "هشدار": "اخطار", "حدود": "نزدیک",
    "جدید": "تازه", "آغاز": "شروع", "پایان": "انتهای", "ساکنان": "اهالی",
    "کارشناسان": "متخصصان", "جلسه": "نشست", "بخشی": "قسمتی", "امیدوارند": "آرزو دارند",
    "نخست": "اول", "منتشر": "پخش", "هنوز": "همچنان",
}

FA_BOILERPLATE = {
    "خبرگزاری دره سبز": ("خبرگزاری دره سبز —", "برای خبرهای روزانه دره ما را دنبال کنید."),
    "روزنامه کوهپایه": ("روزنامه کوهپایه | سرویس استان‌ها", "انتشار این خبر با ذکر منبع آزاد است."),
}

# ---- Arabic ----------------------------------------------------------------------

# definite noun and its gender (m/f), for adjective agreement
AR_NOUNS = [tuple(x.split("|")) for x in (
    "الجسر|m السد|m الطريق|m المصنع|m المدرسة|f المستشفى|m المكتبة|f السوق|m الحديقة|f "
    "المزرعة|f النهر|m المحطة|f المطار|m المتحف|m الجامعة|f المختبر|m النفق|m الميناء|m "
    "المستودع|m الورشة|f العيادة|f الملعب|m القناة|f الخزان|m البئر|f الدفيئة|f الطاحونة|f "
    "القاعة|f المهرجان|m المعرض|m المسرح|m السفينة|f القطار|m الحافلة|f الشبكة|f "
    "الكابل|m التوربين|m البطارية|f المضخة|f الشارع|m الساحة|f الحي|m القرية|f الغابة|f "
    "الوادي|m الحصاد|m القمح|m الزيتون|m التمر|m الجبن|m الخبز|m السجاد|m الفخار|m "
    "البوابة|f الميزانية|f الخطة|f التقرير|m الاجتماع|m العقد|m المشروع|m المكتب|m "
    "الكنيسة|f المنارة|f الجمعية|f"
).split()]

AR_ADJECTIVES = [tuple(x.split("|")) for x in (
    "الجديد|الجديدة القديم|القديمة الكبير|الكبيرة الصغير|الصغيرة التاريخي|التاريخية "
    "الحديث|الحديثة المحلي|المحلية الشمالي|الشمالية الجنوبي|الجنوبية الشرقي|الشرقية "
    "الغربي|الغربية المركزي|المركزية الضيق|الضيقة الواسع|الواسعة المزدحم|المزدحمة "
    "الهادئ|الهادئة المؤقت|المؤقتة الدائم|الدائمة المتهالك|المتهالكة الساحلي|الساحلية "
    "الريفي|الريفية المشترك|المشتركة العام|العامة الخاص|الخاصة الحجري|الحجرية "
    "الخشبي|الخشبية"
).split()]

# masdar after "تم" (it was done): "تم افتتاح ..."
AR_MASDARS = ["افتتاح", "ترميم", "إغلاق", "إصلاح", "توسيع", "تمويل", "تأجيل", "فحص", "تحديث",
              "نقل", "استكمال", "تجربة", "إعادة بناء", "دراسة", "اعتماد"]

AR_ROLES = ["رئيس", "مدير", "المتحدث باسم", "أمين", "مهندس", "منسق", "مفتش", "مسؤول"]

AR_ORG_TYPES = ["هيئة المياه", "مكتب النقل", "جمعية التراث", "تعاونية المزارعين",
                "المجلس البلدي", "دائرة الأرصاد", "مؤسسة المكتبات", "نادي الرياضة",
                "غرفة التجارة", "مديرية الصحة"]

AR_WEEKDAYS = "السبت الأحد الاثنين الثلاثاء الأربعاء الخميس الجمعة".split()
AR_MONTHS = ("يناير فبراير مارس أبريل مايو يونيو يوليو أغسطس سبتمبر أكتوبر نوفمبر "
             "ديسمبر").split()

AR_HEADLINES = [
    "{O} تعلن {Vm} {NA} في {L}",
    "{k} {cur} لمشروع {N} في {L}",
    "{P}: {NA} جاهز قبل {M}",
    "سكان {L} ينتظرون {NA}",
]

# {NA}: a noun with an agreeing adjective; {Vm}: a masdar
AR_SENTENCES = [
    "أعلنت {O} يوم {D} أنه سيتم {Vm} {NA} في {L} قبل نهاية {M}.",
    "وقال {P}، {R} {O}، إن سكان {L} ينتظرون {NA} منذ سنوات.",
    "وتبلغ ميزانية المشروع {k} {cur}، تتحمل {O} نحو {pct} في المئة منها.",
    "وبحسب {P}، سيجري العمل على {N} على {n} مراحل تبدأ في {M}.",
    "وحذر {P2}، {R2} {O2}، من أن {NA} في {L2} ما زال بحاجة إلى {Vm}.",
    "وقبل {n} سنوات تم {Vm} {NA} قرب {L2}.",
    "وفي العام الماضي تم {Vm} {n} مشاريع في {L} و{L2}، وهو رقم غير مسبوق.",
    "ويشمل المشروع {k} مترا من {N} و{n} مبان و{NA} عند مدخل {L}.",
    "ومن المتوقع أن يستفيد نحو {pct} في المئة من سكان {L} من {NA} بحلول {M}.",
    "وتعقد جلسة عامة حول {N} يوم {D} {dn} {M} في {L}.",
    "وستنشر {O} تقريرا مفصلا عن {NA} في {M}.",
    "ولا يتفق الجميع مع الخطة، إذ يقول {P2} إن {NA} قد يضر بـ{N} في {L2}.",
    "وساعد متطوعون من {L2} في تجهيز {NA} خلال شهر {M}.",
    "وفي {M} تجمع {n} من أهالي {L} أمام {N} للمطالبة بـ{Vm} {NA}.",
    "وزار خبراء من {O2} {NA} مرتين ووصفوا حالة {N} بأنها مقبولة.",
    "ويأتي جزء من التمويل من {O2} والجزء الآخر من أهالي {L2}.",
    "وقد تتأثر حركة السير حول {L} لمدة {n} أيام.",
    "وأكد متحدث باسم {O} أنه تم {Vm} {n} مواقع حتى الآن.",
    "ويأمل تجار {L} أن يجذب {NA} زبائن جددا إلى الحي.",
    "وستعلن تفاصيل إضافية في الاجتماع المقبل لـ{O}.",
]

AR_SYNONYMS = {
    "وقال": "وأوضح", "أعلنت": "ذكرت", "وحذر": "ونبه", "نحو": "حوالي", "سكان": "أهالي",
    "خبراء": "مختصون", "جلسة": "ندوة", "تقريرا": "بيانا", "ويأمل": "ويتمنى",
    "المتوقع": "المنتظر", "الماضي": "المنصرم", "مفصلا": "شاملا", "إضافية": "أخرى",
}

AR_BOILERPLATE = {
    "صحيفة الساحل البعيد": ("صحيفة الساحل البعيد —", "تابعونا للحصول على آخر أخبار الساحل يوميا."),
    "وكالة أنباء الهضبة": ("وكالة أنباء الهضبة | خاص", "جميع الحقوق محفوظة لوكالة أنباء الهضبة."),
}

# ---- invented names ------------------------------------------------------------

NAME_PARTS = {
    # Latin script: place and surname syllables, given names
    "place_a": ("Ash Bram Cor Dun Ell Fen Gar Hal Ist Jor Kel Lor Mar Nor Ost Pell Quen Ros Sel "
                "Tarn Ul Vell Wen Yar Zel Brae Cald Drem Orl Skel").split(),
    "place_b": ("wick dale mere ford holt by ton moor stead ridge wyn ley brook gate haven thorpe "
                "combe field marsh well").split(),
    "sur_a": ("Al Ber Cas Dor Ev Fal Gre Hol Ir Jan Kav Lin Mor Nev Or Par Quil Rav Sten Tav Ud "
              "Var Wex Yor Zan Bel Cor Dra").split(),
    "sur_b": ("strom lowe ani ova ard ell ius ane oft ing ser elli ek ou win ack ith ven").split(),
    "given_en": ("Ilsa Toma Brennar Caddo Elira Fenna Joris Kaleb Liora Mirel Nadia Orrin Petra "
                 "Quill Rhosyn Sanne Teodor Una Vesna Wilmer Yara Zoltan Aldo Berit Cosmo Delphine "
                 "Edda Faro Gwen Hollis").split(),
    "given_fr": ("Aurèle Bénédicte Céleste Damien Éloïse Fabrice Gaëlle Hippolyte Inès Jérôme "
                 "Lucienne Maël Noémie Octave Pascaline Rémi Solène Thibault Violaine Yvon").split(),
    # Arabic script: syllables that join into names
    "fa_a": "نیلو سارو بهرن کاژ ورتا زرنی آذرو گلسو ارغو تیشا".split(),
    "fa_b": "آباد ستان کوه دره رود شهر گاه ویر".split(),
    "fa_given": "آرین بهاره پرستو تیرداد جهان‌آرا داریوش رها سیمین شیدا فرزین کیان گلاره مهتاب نیکان یگانه".split(),
    "fa_sur": "کوهساری دشتیار نیلوفری آذرپاد بهارمست ورتایی گلسویی ارغوانیان سارویی کاژی".split(),
    "ar_a": "عين بئر تل وادي رأس جبل قصر دير".split(),
    "ar_b": "الزيزفون الورد السنديان الرمان الصفصاف النخيل الغزلان الحمام الكرمة السوسن".split(),
    "ar_given": "ليلى كريم سلمى يوسف رنا طارق هالة مازن ريم فادي نور سامر دانة جود".split(),
    "ar_sur": "الكرمي الصفصافي الوردي الرماني السوسني النخلاوي الحمامي الغزالي الزيتوني الجبيلي".split(),
}

CURRENCY = {"en": "crowns", "fr": "écus", "fa": "سکه", "ar": "دينارا"}
