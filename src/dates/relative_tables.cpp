// The words of relative dates in the 14 date languages (see
// relative_tables.hpp for the row formats). Written as people write them;
// relative.cpp folds every word to the Normalizer's key, so accents, case
// and Arabic letter variants need no spellings of their own.
//
// Left out on purpose: words with a second, common meaning that would turn
// ordinary text into dates. German and Dutch "morgen" (also "morning"),
// Spanish "mañana" (also "morning"), Urdu "کل" and "پرسوں" (each both past
// and future), "last week" and other periods, and counts without a number
// ("a few days ago", "منذ دقائق").
#include "dates/relative_tables.hpp"

namespace digest::dates_detail::relative_data {

namespace {

using F = Form;
using U = Relative::Unit;

constexpr PhraseRow kPhrases[] = {
    // English
    {"en", F::day, 0, "today"},
    {"en", F::day, 1, "yesterday"},
    {"en", F::day, 2, "[the] day before yesterday"},
    {"en", F::day, -1, "tomorrow"},
    {"en", F::day, -2, "[the] day after tomorrow"},
    {"en", F::ago, 0, "{q} ago"},
    {"en", F::ahead, 0, "in {q}"},
    {"en", F::last, 0, "last {w}"},
    {"en", F::last, 0, "this past {w}"},
    // French
    {"fr", F::day, 0, "aujourd'hui"},
    {"fr", F::day, 1, "hier"},
    {"fr", F::day, 2, "avant-hier"},
    {"fr", F::day, -1, "demain"},
    {"fr", F::day, -2, "après-demain"},
    {"fr", F::ago, 0, "il y a {q}"},
    {"fr", F::ahead, 0, "dans {q}"},
    {"fr", F::last, 0, "[le] {w} dernier"},
    {"fr", F::last, 0, "[le] {w} passé"},
    // German
    {"de", F::day, 0, "heute"},
    {"de", F::day, 1, "gestern"},
    {"de", F::day, 2, "vorgestern"},
    {"de", F::day, -2, "übermorgen"},
    {"de", F::ago, 0, "vor {q}"},
    {"de", F::ahead, 0, "in {q}"},
    {"de", F::last, 0, "[am] letzten {w}"},
    {"de", F::last, 0, "[am] vergangenen {w}"},
    {"de", F::last, 0, "[am] vorigen {w}"},
    // Spanish
    {"es", F::day, 0, "hoy"},
    {"es", F::day, 1, "ayer"},
    {"es", F::day, 2, "anteayer"},
    {"es", F::day, 2, "antier"},
    {"es", F::day, 2, "antes de ayer"},
    {"es", F::day, -2, "pasado mañana"},
    {"es", F::ago, 0, "hace {q}"},
    {"es", F::ago, 0, "{q} atrás"},
    {"es", F::ahead, 0, "dentro de {q}"},
    {"es", F::last, 0, "[el] {w} pasado"},
    {"es", F::last, 0, "[el] pasado {w}"},
    // Italian
    {"it", F::day, 0, "oggi"},
    {"it", F::day, 1, "ieri"},
    {"it", F::day, 2, "[l'] altro ieri"},
    {"it", F::day, 2, "[l'] altroieri"},
    {"it", F::day, 2, "ieri l'altro"},
    {"it", F::day, -1, "domani"},
    {"it", F::day, -2, "dopodomani"},
    {"it", F::ago, 0, "{q} fa"},
    {"it", F::ahead, 0, "tra {q}"},
    {"it", F::ahead, 0, "fra {q}"},
    {"it", F::last, 0, "{w} scorso"},
    {"it", F::last, 0, "{w} scorsa"},
    {"it", F::last, 0, "[lo] scorso {w}"},
    {"it", F::last, 0, "[la] scorsa {w}"},
    // Portuguese
    {"pt", F::day, 0, "hoje"},
    {"pt", F::day, 1, "ontem"},
    {"pt", F::day, 2, "anteontem"},
    {"pt", F::day, 2, "antes de ontem"},
    {"pt", F::day, -1, "amanhã"},
    {"pt", F::day, -2, "depois de amanhã"},
    {"pt", F::ago, 0, "há {q}"},
    {"pt", F::ago, 0, "faz {q}"},
    {"pt", F::ago, 0, "{q} atrás"},
    {"pt", F::ahead, 0, "daqui a {q}"},
    {"pt", F::last, 0, "[na] {w} passada"},  // segunda-feira ... sexta-feira
    {"pt", F::last, 0, "[no] {w} passado"},  // sábado, domingo
    {"pt", F::last, 0, "[na] última {w}"},
    {"pt", F::last, 0, "[no] último {w}"},
    // Dutch
    {"nl", F::day, 0, "vandaag"},
    {"nl", F::day, 1, "gisteren"},
    {"nl", F::day, 2, "eergisteren"},
    {"nl", F::day, -2, "overmorgen"},
    {"nl", F::ago, 0, "{q} geleden"},
    {"nl", F::ahead, 0, "over {q}"},
    {"nl", F::last, 0, "[op] afgelopen {w}"},
    {"nl", F::last, 0, "[op] vorige {w}"},
    {"nl", F::last, 0, "{w} jongstleden"},
    {"nl", F::last, 0, "{w} jl"},
    // Swedish: "i måndags" is its own form of the weekday
    {"sv", F::day, 0, "idag"},
    {"sv", F::day, 0, "i dag"},
    {"sv", F::day, 1, "igår"},
    {"sv", F::day, 1, "i går"},
    {"sv", F::day, 2, "i förrgår"},
    {"sv", F::day, -1, "imorgon"},
    {"sv", F::day, -1, "i morgon"},
    {"sv", F::day, -2, "i övermorgon"},
    {"sv", F::ago, 0, "för {q} sedan"},
    {"sv", F::ago, 0, "{q} sedan"},
    {"sv", F::ahead, 0, "om {q}"},
    {"sv", F::weekday, 0, "i söndags"},
    {"sv", F::weekday, 1, "i måndags"},
    {"sv", F::weekday, 2, "i tisdags"},
    {"sv", F::weekday, 3, "i onsdags"},
    {"sv", F::weekday, 4, "i torsdags"},
    {"sv", F::weekday, 5, "i fredags"},
    {"sv", F::weekday, 6, "i lördags"},
    // Albanian: "para" takes the ablative ("para dy ditësh")
    {"sq", F::day, 0, "sot"},
    {"sq", F::day, 1, "dje"},
    {"sq", F::day, 2, "pardje"},
    {"sq", F::day, -1, "nesër"},
    {"sq", F::day, -2, "pasnesër"},
    {"sq", F::ago, 0, "{q} më parë"},
    {"sq", F::ago, 0, "para {q}"},
    {"sq", F::last, 0, "të {w} e kaluar"},
    // Turkish
    {"tr", F::day, 0, "bugün"},
    {"tr", F::day, 1, "dün"},
    {"tr", F::day, 2, "evvelsi gün"},
    {"tr", F::day, 2, "evvelki gün"},
    {"tr", F::day, 2, "önceki gün"},
    {"tr", F::day, -1, "yarın"},
    {"tr", F::day, -2, "öbür gün"},
    {"tr", F::ago, 0, "{q} önce"},
    {"tr", F::ago, 0, "{q} evvel"},
    {"tr", F::last, 0, "geçen {w} [günü]"},
    {"tr", F::last, 0, "geçtiğimiz {w} [günü]"},
    // Russian: the adjective agrees with the weekday's gender
    {"ru", F::day, 0, "сегодня"},
    {"ru", F::day, 1, "вчера"},
    {"ru", F::day, 2, "позавчера"},
    {"ru", F::day, -1, "завтра"},
    {"ru", F::day, -2, "послезавтра"},
    {"ru", F::ago, 0, "{q} назад"},
    {"ru", F::ago, 0, "{q} тому назад"},
    {"ru", F::ahead, 0, "через {q}"},
    {"ru", F::last, 0, "[в] прошлый {w}"},
    {"ru", F::last, 0, "[в] прошлую {w}"},
    {"ru", F::last, 0, "[в] прошлое {w}"},
    {"ru", F::last, 0, "[в] минувший {w}"},
    {"ru", F::last, 0, "[в] минувшую {w}"},
    {"ru", F::last, 0, "[в] минувшее {w}"},
    // Persian: "روز گذشته" (the past day) is how the news says yesterday
    {"fa", F::day, 0, "امروز"},
    {"fa", F::day, 1, "دیروز"},
    {"fa", F::day, 1, "روز گذشته"},
    {"fa", F::day, 2, "پریروز"},
    {"fa", F::day, -1, "فردا"},
    {"fa", F::day, -2, "پس‌فردا"},
    {"fa", F::ago, 0, "{q} پیش !از"},
    {"fa", F::ago, 0, "{q} قبل !از"},
    {"fa", F::last, 0, "[روز] {w} گذشته"},
    {"fa", F::last, 0, "[روز] {w} هفته گذشته"},
    {"fa", F::last, 0, "[روز] {w} هفته قبل"},
    // Arabic
    {"ar", F::day, 0, "اليوم"},
    {"ar", F::day, 1, "أمس"},
    {"ar", F::day, 1, "يوم أمس"},
    {"ar", F::day, 1, "يوم الأمس"},
    {"ar", F::day, 1, "بالأمس"},
    {"ar", F::day, 1, "البارحة"},
    {"ar", F::day, 2, "أول أمس"},
    {"ar", F::day, 2, "أول من أمس"},
    {"ar", F::day, 2, "أمس الأول"},
    {"ar", F::day, -1, "غدا"},
    {"ar", F::day, -2, "بعد غد"},
    {"ar", F::ago, 0, "منذ {q}"},
    {"ar", F::ago, 0, "قبل {q} !من"},
    {"ar", F::last, 0, "[يوم] {w} الماضي"},
    {"ar", F::last, 0, "[يوم] {w} الماضية"},  // الجمعة الماضية
    {"ar", F::last, 0, "[يوم] {w} الفائت"},
    // Urdu
    {"ur", F::day, 0, "آج"},
    {"ur", F::day, 1, "گزشتہ روز"},
    {"ur", F::day, 1, "گذشتہ روز"},
    {"ur", F::ago, 0, "{q} پہلے"},
    {"ur", F::ago, 0, "{q} قبل"},
    {"ur", F::last, 0, "پچھلے {w}"},
    {"ur", F::last, 0, "گزشتہ {w}"},
    {"ur", F::last, 0, "گذشتہ {w}"},
};

constexpr UnitRow kUnits[] = {
    {"en", U::second, 0, "second seconds sec secs"},
    {"en", U::minute, 0, "minute minutes min mins"},
    {"en", U::hour, 0, "hour hours hr hrs"},
    {"en", U::day, 0, "day days"},
    {"en", U::week, 0, "week weeks"},
    {"en", U::month, 0, "month months"},
    {"en", U::year, 0, "year years yr yrs"},

    {"fr", U::second, 0, "seconde secondes"},
    {"fr", U::minute, 0, "minute minutes min"},
    {"fr", U::hour, 0, "heure heures h"},
    {"fr", U::day, 0, "jour jours"},
    {"fr", U::week, 0, "semaine semaines"},
    {"fr", U::month, 0, "mois"},
    {"fr", U::year, 0, "an ans année années"},

    {"de", U::second, 0, "Sekunde Sekunden Sek"},
    {"de", U::minute, 0, "Minute Minuten Min"},
    {"de", U::hour, 0, "Stunde Stunden Std"},
    {"de", U::day, 0, "Tag Tage Tagen"},
    {"de", U::week, 0, "Woche Wochen"},
    {"de", U::month, 0, "Monat Monate Monaten"},
    {"de", U::year, 0, "Jahr Jahre Jahren"},

    {"es", U::second, 0, "segundo segundos"},
    {"es", U::minute, 0, "minuto minutos min"},
    {"es", U::hour, 0, "hora horas"},
    {"es", U::day, 0, "día días"},
    {"es", U::week, 0, "semana semanas"},
    {"es", U::month, 0, "mes meses"},
    {"es", U::year, 0, "año años"},

    {"it", U::second, 0, "secondo secondi"},
    {"it", U::minute, 0, "minuto minuti min"},
    {"it", U::hour, 0, "ora ore"},
    {"it", U::day, 0, "giorno giorni"},
    {"it", U::week, 0, "settimana settimane"},
    {"it", U::month, 0, "mese mesi"},
    {"it", U::year, 0, "anno anni"},

    {"pt", U::second, 0, "segundo segundos"},
    {"pt", U::minute, 0, "minuto minutos min"},
    {"pt", U::hour, 0, "hora horas"},
    {"pt", U::day, 0, "dia dias"},
    {"pt", U::week, 0, "semana semanas"},
    {"pt", U::month, 0, "mês meses"},
    {"pt", U::year, 0, "ano anos"},

    {"nl", U::second, 0, "seconde seconden"},
    {"nl", U::minute, 0, "minuut minuten min"},
    {"nl", U::hour, 0, "uur uren"},
    {"nl", U::day, 0, "dag dagen"},
    {"nl", U::week, 0, "week weken"},
    {"nl", U::month, 0, "maand maanden"},
    {"nl", U::year, 0, "jaar jaren"},

    {"sv", U::second, 0, "sekund sekunder"},
    {"sv", U::minute, 0, "minut minuter min"},
    {"sv", U::hour, 0, "timme timmar"},
    {"sv", U::day, 0, "dag dagar"},
    {"sv", U::week, 0, "vecka veckor"},
    {"sv", U::month, 0, "månad månader"},
    {"sv", U::year, 0, "år"},

    // Albanian: nominative, definite and ablative forms
    {"sq", U::second, 0, "sekondë sekonda sekondash"},
    {"sq", U::minute, 0, "minutë minuta minutash"},
    {"sq", U::hour, 0, "orë ora orësh"},
    {"sq", U::day, 0, "ditë dita ditësh"},
    {"sq", U::week, 0, "javë java javësh"},
    {"sq", U::month, 0, "muaj muaji muajsh"},
    {"sq", U::year, 0, "vit viti vite vitesh vjet vjetësh"},

    // Turkish counts take the singular
    {"tr", U::second, 0, "saniye sn"},
    {"tr", U::minute, 0, "dakika dk"},
    {"tr", U::hour, 0, "saat"},
    {"tr", U::day, 0, "gün"},
    {"tr", U::week, 0, "hafta"},
    {"tr", U::month, 0, "ay"},
    {"tr", U::year, 0, "yıl sene"},

    // Russian: the accusative singular alone means one ("неделю назад")
    {"ru", U::second, 0, "секунда секунды секунд"},
    {"ru", U::second, 1, "секунду"},
    {"ru", U::minute, 0, "минута минуты минут"},
    {"ru", U::minute, 1, "минуту"},
    {"ru", U::hour, 0, "часа часов"},
    {"ru", U::hour, 1, "час"},
    {"ru", U::day, 0, "день дня дней"},
    {"ru", U::week, 0, "неделя недели недель"},
    {"ru", U::week, 1, "неделю"},
    {"ru", U::month, 0, "месяца месяцев"},
    {"ru", U::month, 1, "месяц"},
    {"ru", U::year, 0, "года лет"},
    {"ru", U::year, 1, "год"},

    // Persian counts take the singular
    {"fa", U::second, 0, "ثانیه"},
    {"fa", U::minute, 0, "دقیقه"},
    {"fa", U::hour, 0, "ساعت"},
    {"fa", U::day, 0, "روز"},
    {"fa", U::week, 0, "هفته"},
    {"fa", U::month, 0, "ماه"},
    {"fa", U::year, 0, "سال"},

    // Arabic: the singular alone means one, the dual two; plurals need a number
    {"ar", U::second, 0, "ثوان ثواني"},
    {"ar", U::second, 1, "ثانية"},
    {"ar", U::second, 2, "ثانيتين ثانيتان"},
    {"ar", U::minute, 0, "دقائق"},
    {"ar", U::minute, 1, "دقيقة"},
    {"ar", U::minute, 2, "دقيقتين دقيقتان"},
    {"ar", U::hour, 0, "ساعات"},
    {"ar", U::hour, 1, "ساعة"},
    {"ar", U::hour, 2, "ساعتين ساعتان"},
    {"ar", U::day, 0, "أيام"},
    {"ar", U::day, 1, "يوم"},
    {"ar", U::day, 2, "يومين يومان"},
    {"ar", U::week, 0, "أسابيع"},
    {"ar", U::week, 1, "أسبوع"},
    {"ar", U::week, 2, "أسبوعين أسبوعان"},
    {"ar", U::month, 0, "أشهر شهور"},
    {"ar", U::month, 1, "شهر"},
    {"ar", U::month, 2, "شهرين شهران"},
    {"ar", U::year, 0, "سنوات سنين أعوام"},
    {"ar", U::year, 1, "سنة عام"},
    {"ar", U::year, 2, "سنتين سنتان عامين عامان"},

    {"ur", U::second, 0, "سیکنڈ"},
    {"ur", U::minute, 0, "منٹ"},
    {"ur", U::hour, 0, "گھنٹہ گھنٹے"},
    {"ur", U::day, 0, "دن"},
    {"ur", U::week, 0, "ہفتہ ہفتے"},
    {"ur", U::month, 0, "مہینہ مہینے ماہ"},
    {"ur", U::year, 0, "سال برس"},
};

constexpr NumberRow kNumbers[] = {
    {"en", 1, "a an one"}, {"en", 2, "two"}, {"en", 3, "three"}, {"en", 4, "four"},
    {"en", 5, "five"}, {"en", 6, "six"}, {"en", 7, "seven"}, {"en", 8, "eight"},
    {"en", 9, "nine"}, {"en", 10, "ten"}, {"en", 11, "eleven"}, {"en", 12, "twelve"},

    {"fr", 1, "un une"}, {"fr", 2, "deux"}, {"fr", 3, "trois"}, {"fr", 4, "quatre"},
    {"fr", 5, "cinq"}, {"fr", 6, "six"}, {"fr", 7, "sept"}, {"fr", 8, "huit"},
    {"fr", 9, "neuf"}, {"fr", 10, "dix"}, {"fr", 11, "onze"}, {"fr", 12, "douze"},

    {"de", 1, "ein eine einem einer einen"}, {"de", 2, "zwei"}, {"de", 3, "drei"},
    {"de", 4, "vier"}, {"de", 5, "fünf"}, {"de", 6, "sechs"}, {"de", 7, "sieben"},
    {"de", 8, "acht"}, {"de", 9, "neun"}, {"de", 10, "zehn"}, {"de", 11, "elf"},
    {"de", 12, "zwölf"},

    {"es", 1, "un una uno"}, {"es", 2, "dos"}, {"es", 3, "tres"}, {"es", 4, "cuatro"},
    {"es", 5, "cinco"}, {"es", 6, "seis"}, {"es", 7, "siete"}, {"es", 8, "ocho"},
    {"es", 9, "nueve"}, {"es", 10, "diez"}, {"es", 11, "once"}, {"es", 12, "doce"},

    {"it", 1, "un una uno"}, {"it", 2, "due"}, {"it", 3, "tre"}, {"it", 4, "quattro"},
    {"it", 5, "cinque"}, {"it", 6, "sei"}, {"it", 7, "sette"}, {"it", 8, "otto"},
    {"it", 9, "nove"}, {"it", 10, "dieci"}, {"it", 11, "undici"}, {"it", 12, "dodici"},

    {"pt", 1, "um uma"}, {"pt", 2, "dois duas"}, {"pt", 3, "três"}, {"pt", 4, "quatro"},
    {"pt", 5, "cinco"}, {"pt", 6, "seis"}, {"pt", 7, "sete"}, {"pt", 8, "oito"},
    {"pt", 9, "nove"}, {"pt", 10, "dez"}, {"pt", 11, "onze"}, {"pt", 12, "doze"},

    {"nl", 1, "een één"}, {"nl", 2, "twee"}, {"nl", 3, "drie"}, {"nl", 4, "vier"},
    {"nl", 5, "vijf"}, {"nl", 6, "zes"}, {"nl", 7, "zeven"}, {"nl", 8, "acht"},
    {"nl", 9, "negen"}, {"nl", 10, "tien"}, {"nl", 11, "elf"}, {"nl", 12, "twaalf"},

    {"sv", 1, "en ett"}, {"sv", 2, "två"}, {"sv", 3, "tre"}, {"sv", 4, "fyra"},
    {"sv", 5, "fem"}, {"sv", 6, "sex"}, {"sv", 7, "sju"}, {"sv", 8, "åtta"},
    {"sv", 9, "nio"}, {"sv", 10, "tio"}, {"sv", 11, "elva"}, {"sv", 12, "tolv"},

    {"sq", 1, "një"}, {"sq", 2, "dy"}, {"sq", 3, "tre"}, {"sq", 4, "katër"},
    {"sq", 5, "pesë"}, {"sq", 6, "gjashtë"}, {"sq", 7, "shtatë"}, {"sq", 8, "tetë"},
    {"sq", 9, "nëntë"}, {"sq", 10, "dhjetë"},

    {"tr", 1, "bir"}, {"tr", 2, "iki"}, {"tr", 3, "üç"}, {"tr", 4, "dört"},
    {"tr", 5, "beş"}, {"tr", 6, "altı"}, {"tr", 7, "yedi"}, {"tr", 8, "sekiz"},
    {"tr", 9, "dokuz"}, {"tr", 10, "on"},

    {"ru", 1, "один одна одно одну"}, {"ru", 2, "два две"}, {"ru", 3, "три"},
    {"ru", 4, "четыре"}, {"ru", 5, "пять"}, {"ru", 6, "шесть"}, {"ru", 7, "семь"},
    {"ru", 8, "восемь"}, {"ru", 9, "девять"}, {"ru", 10, "десять"},

    {"fa", 1, "یک"}, {"fa", 2, "دو"}, {"fa", 3, "سه"}, {"fa", 4, "چهار"},
    {"fa", 5, "پنج"}, {"fa", 6, "شش"}, {"fa", 7, "هفت"}, {"fa", 8, "هشت"},
    {"fa", 9, "نه"}, {"fa", 10, "ده"},

    {"ar", 1, "واحد واحدة"}, {"ar", 2, "اثنين اثنان"}, {"ar", 3, "ثلاثة ثلاث"},
    {"ar", 4, "أربعة أربع"}, {"ar", 5, "خمسة خمس"}, {"ar", 6, "ستة ست"},
    {"ar", 7, "سبعة سبع"}, {"ar", 8, "ثمانية ثماني ثمان"}, {"ar", 9, "تسعة تسع"},
    {"ar", 10, "عشرة عشر"},

    {"ur", 1, "ایک"}, {"ur", 2, "دو"}, {"ur", 3, "تین"}, {"ur", 4, "چار"},
    {"ur", 5, "پانچ"}, {"ur", 6, "چھ"}, {"ur", 7, "سات"}, {"ur", 8, "آٹھ"},
    {"ur", 9, "نو"}, {"ur", 10, "دس"},
};

constexpr WeekdayRow kWeekdays[] = {
    // Russian accusative ("в прошлую среду"); the other days keep their form
    {"ru", 3, "среду"}, {"ru", 5, "пятницу"}, {"ru", 6, "субботу"},
    // Albanian definite accusative ("të hënën e kaluar")
    {"sq", 0, "dielën"}, {"sq", 1, "hënën"}, {"sq", 2, "martën"}, {"sq", 3, "mërkurën"},
    {"sq", 4, "enjten"}, {"sq", 5, "premten"}, {"sq", 6, "shtunën"},
};

constexpr const char* kNotWeekdays[] = {"ہفتہ"};

// One-word phrases that are everyday words of another core language: not
// read in running text when no language is given (German and Dutch "hier"
// is "here", Dutch "dun" is "thin", "sot" is French).
constexpr const char* kNotInProse[] = {"hier", "dun", "sot"};

}  // namespace

std::span<const PhraseRow> phrase_rows() { return kPhrases; }
std::span<const UnitRow> unit_rows() { return kUnits; }
std::span<const NumberRow> number_rows() { return kNumbers; }
std::span<const WeekdayRow> weekday_rows() { return kWeekdays; }
std::span<const char* const> not_weekday_words() { return kNotWeekdays; }
std::span<const char* const> not_in_prose_words() { return kNotInProse; }

}  // namespace digest::dates_detail::relative_data
