"""The demo's works in several languages: hand-written editions, and the originals written for them.

A work is an original and its editions (`translation_of` points from each edition to the
original), one per language. The editions here are written as a translator would write them:
the original's title, dek and paragraphs, block for block, in Arabic, Chinese (Simplified) or
Russian, and the Arabic originals of the Malcolm H. Kerr Carnegie Middle East Center in
English. Each edition shares its original's byline, type and taxonomy and credits its
translator (a contributor with the role "translator", one of the translators in data.PEOPLE).

Some originals are in data.CURATED (the seed article and the first translated works); the
others are written here. Pieces that carry Carnegie China stay older than
data.CHINA_RAIL_CUTOFF, so that the seed page's rail still lists the center's curated pieces.
The bodies are demo text, not real Carnegie pieces.

Over 400 lines on purpose: this is prose, not code.
"""

import datetime

from publications.demo.data import CALIFORNIA, CHINA, CURATED, EUROPE, GLOBAL, INDIA, MIDDLE_EAST, RUSSIA

# Translators (contributors in data.PEOPLE).
RANIA = "Rania Haddad"  # English into Arabic
KARIM = "Karim Azar"  # Arabic and English, both ways
CHEN = "Chen Wanru"  # English into Chinese
LIU = "Liu Mingyang"  # English into Chinese
OLGA = "Olga Vetrova"  # English into Russian
ANTON = "Anton Shirokov"  # English into Russian

# Editions behind their original (publications/editions.py): each original's last paragraph (an
# update) was added after the edition was translated, and published on this date with this note.
# seed_demo records the edition's source revision without that paragraph.
EDITIONS_BEHIND = (
    ("demo-lebanon-reform-window-ar", datetime.date(2026, 6, 3), "Added an update on the bank-resolution law"),
    ("demo-kerr-iraq-water-ar", datetime.date(2026, 8, 19), "Added an update on the water-sharing framework"),
    ("demo-russia-shadow-fleet-ru", datetime.date(2026, 7, 1), "Added an update on the new sanctions package"),
    ("demo-china-ev-southeast-asia-zh", datetime.date(2025, 2, 25), "Added an update on Thailand’s new incentives"),
)

SUFFIX = {"ar": "ar", "zh-hans": "zh", "ru": "ru", "en": "en"}


def original(legacy_id, *, title, dek, paragraphs, date, center, authors, regions, topics, **extra) -> dict:
    """An original in the shape of data.CURATED; `authors` are names, all with the role author."""
    return {
        "legacy_id": legacy_id,
        "title": title,
        "dek": dek,
        "paragraphs": paragraphs,
        "type": extra.pop("type", "legacycommentary"),
        "date": date,
        "primary_center": center,
        "centers": extra.pop("centers", [center]),
        "regions": regions,
        "topics": topics,
        "authors": [(name, "author", None) for name in authors],
        **extra,
    }


def edition(language, translator, *, title, dek, paragraphs, days=2, **extra) -> dict:
    """What an edition has of its own: its text, its translator and how many days after the original it appeared."""
    return {
        "language": language,
        "translator": translator,
        "title": title,
        "dek": dek,
        "paragraphs": paragraphs,
        "days": days,
        **extra,
    }


def _edition_of(source: dict, own: dict) -> dict:
    own = dict(own)
    language, translator, days = own.pop("language"), own.pop("translator"), own.pop("days")
    projects = list(source.get("projects", []))
    piece = {
        "legacy_id": f"{source['legacy_id']}-{SUFFIX[language]}",
        "translation_of": source["legacy_id"],
        "language": language,
        "type": source["type"],
        "date": source["date"] + datetime.timedelta(days=days),
        "primary_center": source["primary_center"],
        "centers": list(source["centers"]),
        "regions": list(source["regions"]),
        "topics": list(source["topics"]),
        "programs": list(source.get("programs", [])),
        "projects": projects,
        "newsletters": ["Carnegie Politika Digest"] if language == "ru" and "Carnegie Politika" in projects else [],
        "authors": [*source["authors"], (translator, "translator", None)],
        "lead_image_credit": source.get("lead_image_credit", ""),
        "source_name": source.get("source_name", ""),
        "source_url": source.get("source_url", ""),
    }
    piece.update(own)
    return piece


def work(source: dict, *editions: dict) -> list[dict]:
    """An original written here and its editions."""
    return [source, *(_edition_of(source, own) for own in editions)]


_CURATED = {item["legacy_id"]: item for item in CURATED}


def editions_of(legacy_id: str, *editions: dict) -> list[dict]:
    """Editions of an original in data.CURATED."""
    return [_edition_of(_CURATED[legacy_id], own) for own in editions]


CURATED_WORKS = [
    # -- the curated originals --------------------------------------------------------------
    editions_of(
        "9b75ff939e830440",
        edition(
            "ru",
            OLGA,
            days=10,
            title="Global Insider: обмен представителями — часть обнадеживающего сдвига в отношениях Сербии и Косово",
            dek=(
                "В прошлом месяце Сербия и Косово впервые договорились обменяться представителями — в ответ "
                "на более широкие усилия Европейского союза по улучшению их отношений."
            ),
            paragraphs=[
                "WPR: Какие факторы побудили Сербию и Косово впервые обменяться представителями?",
                "Стефан Лене: Как бы ни расходились их позиции по вопросу статуса, Сербия и Косово всегда "
                "останутся соседями. Каждый день между ними будут возникать проблемы, которые нужно решать, "
                "и появляться выгоды, которые сулит сотрудничество. Обмен офицерами связи облегчит прямое "
                "общение и позволит этим непростым отношениям развиваться более гладко. Разумеется, такая "
                "договоренность — лишь одно из достижений диалога, который ведется при посредничестве главы "
                "внешнеполитического ведомства ЕС Кэтрин Эштон. Среди других недавних шагов — введение "
                "пограничного контроля на севере Косово и создание таможенной системы. Эти меры в высшей "
                "степени разумны сами по себе. Однако они, вероятно, не были бы приняты без настойчивого "
                "давления со стороны ЕС, который сделал продвижение к более нормальным отношениям условием "
                "участия обеих сторон в европейской интеграции.",
                "WPR: С точки зрения ЕС, открывают ли шаги Сербии реальный путь к нормализации, а значит, и к "
                "членству Сербии в ЕС?",
                "Стефан Лене: Когда к власти в Сербии пришли новые лидеры-националисты, многие сомневались, "
                "что они готовы к движению вперед по косовскому вопросу. Однако с тех пор удалось добиться "
                "значительного прогресса. Многие наблюдатели считают, что это тот случай, когда лидеры "
                "националистического толка способны на более смелые шаги, чем умеренные политики, которым "
                "приходится опасаться националистической реакции. Достигнутые до сих пор результаты "
                "обнадеживают, но сами по себе не убедят ЕС начать с Сербией переговоры о вступлении. Чтобы "
                "ЕС принял такое решение в ближайшие месяцы, в отношениях Сербии и Косово, по-видимому, "
                "необходим дальнейший существенный прогресс.",
                "WPR: В каких областях Сербия и Косово могут пойти на компромисс и что способно сорвать сближение?",
                "Стефан Лене: Прогресс, безусловно, достижим в энергетике и телекоммуникациях, где переговоры "
                "уже довольно продвинулись. Но настоящий ключ к успеху — найти путь вперед для северной части "
                "Косово, где сербы составляют большинство и куда Приштине до сих пор не удалось "
                "распространить свою власть. Здесь нужен компромисс между двумя законными интересами: "
                "потребностью сербского населения в гарантиях того, что оно сможет сохранить свой уклад жизни "
                "и связи с Сербией, и потребностью Приштины в гарантиях того, что территориальная "
                "целостность Косово не будет поставлена под сомнение. Это, несомненно, трудные вопросы, "
                "которые могут вызвать сильные страсти и тем самым сорвать процесс. Однако при политической "
                "воле обеих сторон и умелом посредничестве ЕС можно найти решение, которое обезвредит одну "
                "из последних опасных горячих точек региона и устранит огромное препятствие на пути к более "
                "полной европейской интеграции.",
            ],
        ),
    ),
    editions_of(
        "demo-russia-long-war",
        edition(
            "ru",
            OLGA,
            centers=[RUSSIA],
            title="Почему Кремль делает ставку на долгую войну",
            dek=(
                "В Москве считают, что время работает на Россию. Это убеждение определяет и военное "
                "планирование, и дипломатию."
            ),
            paragraphs=[
                "Кремль больше не говорит о быстрой победе. Он говорит о выносливости.",
                "Российские планировщики исходят из того, что западная поддержка Украины иссякнет раньше, чем "
                "способность России вести войну.",
                "Это допущение определяет всё — от оборонного бюджета до тона российской дипломатии.",
                "Верно ли оно, зависит прежде всего от решений, которые примут в Европе и США.",
            ],
        ),
    ),
    editions_of(
        "demo-russia-war-economy",
        edition(
            "ru",
            OLGA,
            centers=[RUSSIA],
            title="Военная экономика России живет взаймы",
            dek=("Военные расходы поддерживают рост российской экономики, но издержки растут, а запас прочности тает."),
            paragraphs=[
                "Российская экономика оказалась устойчивее, чем многие ожидали в начале войны.",
                "Во многом эта устойчивость объясняется государственными расходами на оборону, которые подняли "
                "зарплаты и выпуск в военном секторе.",
                "Но инфляция остается высокой, процентные ставки душат гражданский бизнес, а бюджет зависит от "
                "всё менее предсказуемых доходов от энергоносителей.",
                "Такая модель может работать еще какое-то время. Но не бесконечно.",
            ],
        ),
        edition(
            "zh-hans",
            LIU,
            days=5,
            title="俄罗斯的战时经济正在透支未来",
            dek="军费开支维持了俄罗斯经济的增长，但代价不断攀升，缓冲空间日渐收窄。",
            paragraphs=[
                "俄罗斯经济的韧性超出了战争爆发之初许多人的预期。",
                "这种韧性在很大程度上来自国家的军费开支，它推高了国防部门的工资和产出。",
                "但通货膨胀居高不下，利率水平令民用企业不堪重负，而财政预算所依赖的能源收入正变得越来越不确定。",
                "这种模式还能维持一段时间，但不可能无限期地持续下去。",
            ],
        ),
    ),
    editions_of(
        "demo-lebanon-reform-window",
        edition(
            "ar",
            RANIA,
            title="نافذة الإصلاح في لبنان تضيق",
            dek="وعدت حكومة جديدة بمعالجة الانهيار المالي، لكن الوقت ينفد لإظهار النتائج.",
            paragraphs=[
                "تولى قادة لبنان مناصبهم واعدين بمواجهة الانهيار المالي الذي بدأ عام 2019.",
                "اتُّخذت بعض الخطوات، من تشريعات مصرفية إلى محادثات مع المقرضين الدوليين.",
                "لكن القرارات الأصعب، المتعلقة بكيفية توزيع الخسائر، لا تزال تؤجَّل.",
                "وإذا أُغلقت نافذة الإصلاح، فسيتحمل اللبنانيون العاديون الثمن مرة أخرى.",
            ],
        ),
    ),
    editions_of(
        "demo-beijing-hedging",
        edition(
            "zh-hans",
            CHEN,
            title="北京如何解读东南亚的对冲策略",
            dek="在中国分析人士看来，东南亚的平衡外交既是挑战，也是机遇。",
            paragraphs=[
                "东南亚各国政府坚称，它们不会在中美之间选边站。",
                "在北京，这种立场被视为某种利好：一个拒绝选边的地区，就是一个没有选择华盛顿的地区。",
                "但中国分析人士也认识到，对冲是双向的，施压可能把邻国推向美国。",
                "因此，北京的政策将经济激励与审慎的外交信号结合在一起。",
            ],
        ),
    ),
]

# -- Malcolm H. Kerr Carnegie Middle East Center: English originals in Arabic ----------------
MIDDLE_EAST_WORKS = [
    work(
        original(
            "demo-kerr-syria-reconstruction",
            title="Who Will Pay for Syria’s Reconstruction?",
            dek="Gulf states, Türkiye and Europe all want a say in Syria’s future. None wants to foot the bill alone.",
            date=datetime.date(2026, 3, 10),
            center=MIDDLE_EAST,
            authors=["Nadim Sfeir"],
            regions=["Levant"],
            topics=["Conflict and Peacebuilding", "Economy"],
            projects=["Diwan"],
            lead_image_credit="Source: Getty",
            paragraphs=[
                "The fall of the Assad regime opened a question that Syria’s neighbors had long avoided: who will "
                "pay to rebuild a country where much of the housing, the power grid and the water network lie in "
                "ruins?",
                "Estimates of the cost run to hundreds of billions of dollars. The new authorities in Damascus have "
                "little revenue of their own, and sanctions imposed on the old regime still deter banks and "
                "investors.",
                "Gulf states are willing to fund projects that bring them influence, Türkiye wants contracts and the "
                "return of refugees, and Europe wants stability without being seen to reward the wrong actors.",
                "Without a shared framework, reconstruction risks becoming another arena of competition, and Syrians "
                "would again be the ones who lose.",
            ],
        ),
        edition(
            "ar",
            RANIA,
            days=3,
            title="مَن سيدفع كلفة إعادة إعمار سوريا؟",
            dek=(
                "تريد دول الخليج وتركيا وأوروبا كلها أن يكون لها رأي في مستقبل سوريا، لكن أياً منها لا يريد أن "
                "يتحمّل الفاتورة وحده."
            ),
            paragraphs=[
                "فتح سقوط نظام الأسد سؤالاً طالما تجنّبه جيران سوريا: مَن سيدفع ثمن إعادة بناء بلد يرقد جزء كبير "
                "من مساكنه وشبكة كهربائه وشبكة مياهه تحت الأنقاض؟",
                "تصل تقديرات الكلفة إلى مئات المليارات من الدولارات. ولا تملك السلطات الجديدة في دمشق سوى القليل "
                "من الإيرادات الخاصة بها، فيما لا تزال العقوبات المفروضة على النظام السابق تُثني المصارف "
                "والمستثمرين.",
                "فدول الخليج مستعدة لتمويل مشاريع تمنحها نفوذاً، وتركيا تريد العقود وعودة اللاجئين، وأوروبا تريد "
                "الاستقرار من دون أن تبدو كأنها تكافئ الأطراف الخطأ.",
                "ومن دون إطار مشترك، قد تتحوّل إعادة الإعمار إلى ساحة أخرى للتنافس، ويكون السوريون مرة أخرى هم "
                "الخاسرين.",
            ],
        ),
    ),
    work(
        original(
            "demo-kerr-gulf-energy-budgets",
            title="The Gulf’s Energy Transition Runs Through Its Budgets",
            dek=(
                "Oil revenues still pay for diversification. Lower prices force Gulf governments to choose which "
                "plans come first."
            ),
            date=datetime.date(2025, 11, 18),
            center=MIDDLE_EAST,
            centers=[MIDDLE_EAST, GLOBAL],
            authors=["Tarek Mansour"],
            regions=["Gulf"],
            topics=["Energy", "Economy", "Climate"],
            paragraphs=[
                "Gulf governments have made bold promises about life after oil, from solar parks to hydrogen "
                "exports and new industrial cities.",
                "Yet these plans are financed by the very hydrocarbons they are meant to replace. When oil prices "
                "fall, budgets tighten and megaprojects are delayed or scaled back.",
                "The result is a transition shaped less by climate targets than by fiscal arithmetic: projects that "
                "earn money quickly survive, while those that promise returns in a decade wait.",
                "For partners in Asia and Europe, the lesson is to look at budget lines rather than announcements.",
            ],
        ),
        edition(
            "ar",
            KARIM,
            title="تحوّل الخليج في مجال الطاقة يمرّ عبر موازناته",
            dek=(
                "لا تزال عائدات النفط تموّل التنويع الاقتصادي، وانخفاض الأسعار يجبر حكومات الخليج على تحديد "
                "الخطط التي تأتي أولاً."
            ),
            paragraphs=[
                "قطعت حكومات الخليج وعوداً طموحة بشأن مرحلة ما بعد النفط، من مجمّعات الطاقة الشمسية إلى تصدير "
                "الهيدروجين وإنشاء مدن صناعية جديدة.",
                "غير أن هذه الخطط تُموَّل من الموارد الهيدروكربونية نفسها التي يُفترض أن تحلّ محلها. فحين تتراجع "
                "أسعار النفط، تضيق الموازنات وتُؤجَّل المشاريع الكبرى أو يُقلَّص حجمها.",
                "والنتيجة تحوّلٌ تحكمه الحسابات المالية أكثر مما تحكمه الأهداف المناخية: فالمشاريع التي تدرّ المال "
                "سريعاً تصمد، فيما تنتظر تلك التي تعد بعوائد بعد عقد من الزمن.",
                "أما الدرس بالنسبة إلى الشركاء في آسيا وأوروبا، فهو أن ينظروا إلى بنود الموازنات لا إلى الإعلانات.",
            ],
        ),
        edition(
            "zh-hans",
            LIU,
            days=6,
            title="海湾国家的能源转型取决于财政预算",
            dek="石油收入仍在为经济多元化买单。油价走低，迫使海湾国家政府决定哪些计划优先推进。",
            paragraphs=[
                "海湾国家政府对后石油时代作出了雄心勃勃的承诺，从太阳能园区到氢能出口，再到新的工业城市。",
                "然而，这些计划的资金恰恰来自它们本应取代的油气资源。油价一旦下跌，预算随之收紧，大型项目便会推迟或缩减规模。",
                "因此，这场转型与其说是由气候目标决定的，不如说是由财政账本决定的：能够迅速创收的项目得以保留，"
                "而承诺十年后才有回报的项目只能等待。",
                "对亚洲和欧洲的合作伙伴而言，启示在于：与其关注公告，不如细看预算条目。",
            ],
        ),
    ),
    work(
        original(
            "demo-kerr-north-africa-migration",
            title="North Africa Is No Longer Only a Transit Zone",
            dek=(
                "Morocco, Algeria and Tunisia have become destinations for migrants as well as routes to Europe. "
                "Their policies have not caught up."
            ),
            date=datetime.date(2026, 1, 27),
            center=MIDDLE_EAST,
            authors=["Salma Benjelloun"],
            regions=["North Africa"],
            topics=["Migration", "Political Reform"],
            projects=["Diwan"],
            paragraphs=[
                "For years, European policy treated North Africa as a corridor: a place migrants crossed on their "
                "way north, to be managed through border deals.",
                "That picture is out of date. Many migrants from West Africa now stay, working in construction, "
                "agriculture and services in Moroccan and Tunisian cities.",
                "Governments in the region have been slow to acknowledge this. Residency rules remain restrictive, "
                "and public debate swings between solidarity and hostility.",
                "Treating North Africa as a place where people live, not just pass through, would serve both the "
                "region and its European partners.",
            ],
        ),
        edition(
            "ar",
            RANIA,
            title="شمال أفريقيا لم يعُد مجرّد منطقة عبور",
            dek=(
                "أصبح كلٌّ من المغرب والجزائر وتونس وجهةً للمهاجرين لا مجرّد معبر إلى أوروبا، غير أن سياسات هذه "
                "البلدان لم تواكب ذلك."
            ),
            paragraphs=[
                "على مدى سنوات، تعاملت السياسة الأوروبية مع شمال أفريقيا بوصفه ممراً: مكاناً يعبره المهاجرون في "
                "طريقهم شمالاً، تجري إدارته من خلال اتفاقات حدودية.",
                "لكن هذه الصورة لم تعُد تعكس الواقع. فكثير من المهاجرين القادمين من غرب أفريقيا يبقون اليوم، "
                "ويعملون في البناء والزراعة والخدمات في المدن المغربية والتونسية.",
                "وقد تأخّرت حكومات المنطقة في الاعتراف بذلك. فلا تزال قواعد الإقامة مقيِّدة، ويتأرجح النقاش العام "
                "بين التضامن والعداء.",
                "إن التعامل مع شمال أفريقيا بوصفه مكاناً يعيش فيه الناس، لا مجرّد مكان يمرّون به، سيخدم المنطقة "
                "وشركاءها الأوروبيين على حدّ سواء.",
            ],
        ),
    ),
    work(
        original(
            "demo-kerr-iraq-water",
            title="Iraq’s Water Crisis Is a Governance Crisis",
            dek=(
                "Dams upstream and drought are shrinking the Tigris and Euphrates. Baghdad’s own choices will "
                "decide how much damage follows."
            ),
            date=datetime.date(2026, 7, 8),
            center=MIDDLE_EAST,
            authors=["Nadim Sfeir"],
            regions=["Gulf"],
            topics=["Climate", "Conflict and Peacebuilding"],
            projects=["Diwan"],
            lead_image_credit="Source: Getty",
            paragraphs=[
                "Iraq is running short of water. Upstream dams in Türkiye and Iran, years of drought and rising "
                "temperatures have reduced the flow of the Tigris and Euphrates to historic lows.",
                "Farmers in the south are abandoning their land, and salt water is creeping up the Shatt al-Arab "
                "into Basra’s supply.",
                "Much of the damage, however, is home-grown: leaking canals, flood irrigation and water ministries "
                "that answer to competing political factions.",
                "Negotiating with neighbors matters, but Baghdad will have little to bargain with until it manages "
                "the water it already has.",
                # Added after the Arabic edition was translated (EDITIONS_BEHIND).
                "Update: Baghdad and Ankara have since signed a water-sharing framework; whether releases follow in "
                "the dry season is the real test.",
            ],
        ),
        edition(
            "ar",
            KARIM,
            days=3,
            title="أزمة المياه في العراق أزمة حوكمة",
            dek=(
                "تتسبّب السدود في دول المنبع والجفاف في انحسار دجلة والفرات، لكن خيارات بغداد نفسها هي التي "
                "ستحدّد حجم الضرر."
            ),
            paragraphs=[
                "يعاني العراق شحّاً متزايداً في المياه. فقد أدّت السدود المقامة في دولتَي المنبع تركيا وإيران، "
                "وسنوات من الجفاف، وارتفاع درجات الحرارة، إلى تراجع منسوب دجلة والفرات إلى مستويات غير مسبوقة.",
                "ويهجر المزارعون في الجنوب أراضيهم، فيما تتقدّم مياه البحر المالحة في شط العرب لتصل إلى مياه "
                "الشرب في البصرة.",
                "غير أن جزءاً كبيراً من الضرر محليّ المنشأ: قنوات متهالكة تتسرّب منها المياه، وريّ بالغمر، "
                "ووزارات معنية بالمياه تتبع فصائل سياسية متنافسة.",
                "إن التفاوض مع الجيران أمر مهم، لكن بغداد لن تملك ما تفاوض به ما لم تُحسن إدارة المياه المتوفّرة "
                "لديها أصلاً.",
            ],
        ),
    ),
    work(
        original(
            "demo-kerr-south-lebanon",
            title="Rebuilding South Lebanon Is a Test for the State",
            dek=(
                "After the war, villages near the border wait for the state to return. Who leads the "
                "reconstruction will shape who holds power there."
            ),
            date=datetime.date(2026, 9, 15),
            center=MIDDLE_EAST,
            authors=["Nadim Sfeir"],
            regions=["Levant"],
            topics=["Conflict and Peacebuilding", "Security"],
            projects=["Diwan"],
            paragraphs=[
                "Entire villages along Lebanon’s southern border were emptied by the fighting. Many of their "
                "residents are still living with relatives or in rented rooms in Tyre, Sidon and Beirut.",
                "In past wars, Hezbollah and its allies led the rebuilding, with money from Iran. That option is now "
                "narrower, and donors insist on working through the state.",
                "The state’s institutions, however, are weak and short of funds. If they cannot deliver, others will "
                "fill the gap.",
                "Reconstruction in the south is therefore about more than concrete: it is a chance for the Lebanese "
                "state to show that it can protect and serve its citizens.",
            ],
        ),
        edition(
            "ar",
            RANIA,
            days=1,
            title="إعادة إعمار جنوب لبنان امتحان للدولة",
            dek="بعد الحرب، تنتظر القرى الحدودية عودة الدولة، ومَن يقود إعادة الإعمار سيحدّد مَن يمسك بالسلطة هناك.",
            paragraphs=[
                "أفرغ القتال قرى بأكملها على امتداد الحدود الجنوبية للبنان، ولا يزال كثير من سكانها يقيمون لدى "
                "أقاربهم أو في غرف مستأجرة في صور وصيدا وبيروت.",
                "في الحروب السابقة، تولّى حزب الله وحلفاؤه إعادة الإعمار بأموال إيرانية. أما اليوم فقد ضاق هذا "
                "الخيار، ويصرّ المانحون على العمل من خلال الدولة.",
                "لكن مؤسسات الدولة ضعيفة وتعاني شحّاً في الأموال، وإذا عجزت عن الإنجاز، فسيملأ آخرون الفراغ.",
                "لذلك فإن إعادة الإعمار في الجنوب تتجاوز مسألة الإسمنت والحجر: إنها فرصة أمام الدولة اللبنانية "
                "لتُثبت أنها قادرة على حماية مواطنيها وخدمتهم.",
            ],
        ),
    ),
    work(
        original(
            "demo-kerr-red-sea-trade",
            title="The Red Sea Crisis Is Redrawing the Gulf’s Trade Map",
            dek=(
                "Attacks on shipping have pushed trade toward Gulf ports and overland routes. The shift may outlast "
                "the crisis."
            ),
            type="legacyarticle",
            date=datetime.date(2026, 4, 14),
            center=MIDDLE_EAST,
            centers=[MIDDLE_EAST, GLOBAL],
            authors=["Tarek Mansour"],
            regions=["Gulf"],
            topics=["Trade", "Security", "Geopolitics"],
            lead_image_credit="Source: Getty",
            paragraphs=[
                ("h2", "Ships Take the Long Way"),
                "Since attacks on merchant ships began in the Red Sea, many shipping lines have sent their vessels "
                "around the Cape of Good Hope, adding days to the journey between Asia and Europe.",
                "Insurance premiums have risen, and Egypt has lost a large share of its Suez Canal revenues.",
                ("h2", "Winners Along the Gulf Coast"),
                "Ports in the United Arab Emirates, Saudi Arabia and Oman have gained traffic, and trucking routes "
                "across the Arabian Peninsula are carrying goods that once went by sea.",
                "Gulf governments are using the moment to promote corridors they had planned for years, linking "
                "their ports to Jordan, Iraq and the Mediterranean.",
                ("h2", "A Lasting Shift?"),
                "Even if calm returns to the Red Sea, some of these changes are likely to stick. Traders who have "
                "learned to work without the Suez route will not all come back.",
            ],
        ),
        edition(
            "ar",
            KARIM,
            title="أزمة البحر الأحمر تعيد رسم خريطة التجارة في الخليج",
            dek=(
                "دفعت الهجمات على السفن التجارةَ نحو موانئ الخليج والطرق البرية، وقد يدوم هذا التحوّل بعد انتهاء الأزمة."
            ),
            paragraphs=[
                ("h2", "السفن تسلك الطريق الأطول"),
                "منذ بدء الهجمات على السفن التجارية في البحر الأحمر، حوّلت شركات شحن كثيرة مسار سفنها حول رأس "
                "الرجاء الصالح، ما أضاف أياماً إلى الرحلة بين آسيا وأوروبا.",
                "وارتفعت أقساط التأمين، وخسرت مصر حصة كبيرة من إيرادات قناة السويس.",
                ("h2", "رابحون على ساحل الخليج"),
                "في المقابل، شهدت الموانئ في الإمارات العربية المتحدة والمملكة العربية السعودية وسلطنة عُمان "
                "ازدياداً في الحركة، وباتت طرق الشاحنات عبر شبه الجزيرة العربية تنقل بضائع كانت تُشحن في السابق "
                "بحراً.",
                "وتستغلّ حكومات الخليج هذه اللحظة للترويج لممرّات خطّطت لها منذ سنوات، تربط موانئها بالأردن "
                "والعراق والبحر المتوسط.",
                ("h2", "تحوّل دائم؟"),
                "حتى لو عاد الهدوء إلى البحر الأحمر، فمن المرجّح أن يستمر بعض هذه التغييرات. فالتجّار الذين "
                "تعلّموا العمل من دون طريق السويس لن يعودوا جميعاً.",
            ],
        ),
        edition(
            "zh-hans",
            CHEN,
            days=5,
            title="红海危机正在重塑海湾地区的贸易版图",
            dek="针对商船的袭击将贸易推向海湾港口和陆路通道。这一转变可能在危机过后依然延续。",
            paragraphs=[
                ("h2", "船只绕道远行"),
                "自红海商船遇袭以来，许多航运公司让船只改道绕行好望角，亚欧之间的航程因此延长了数天。",
                "保险费用随之上涨，埃及则损失了很大一部分苏伊士运河收入。",
                ("h2", "海湾沿岸的赢家"),
                "阿联酋、沙特阿拉伯和阿曼的港口吞吐量有所增加，横跨阿拉伯半岛的卡车运输线路承接了过去经由海运的货物。",
                "海湾国家政府正借此机会推广筹划多年的走廊项目，将本国港口与约旦、伊拉克和地中海连接起来。",
                ("h2", "持久的转变？"),
                "即便红海恢复平静，其中一些变化也很可能延续下去。已经学会绕开苏伊士航线的贸易商，不会全部回流。",
            ],
        ),
        edition(
            "ru",
            ANTON,
            days=4,
            title="Кризис в Красном море перекраивает торговую карту Персидского залива",
            dek=(
                "Атаки на суда перенаправили торговые потоки в порты Залива и на сухопутные маршруты. Этот сдвиг "
                "может пережить сам кризис."
            ),
            paragraphs=[
                ("h2", "Суда идут в обход"),
                "С тех пор как в Красном море начались нападения на торговые суда, многие судоходные компании "
                "направляют свои корабли вокруг мыса Доброй Надежды, и путь из Азии в Европу удлиняется на "
                "несколько дней.",
                "Страховые премии выросли, а Египет лишился значительной части доходов от Суэцкого канала.",
                ("h2", "Выигравшие на побережье Залива"),
                "Порты Объединенных Арабских Эмиратов, Саудовской Аравии и Омана нарастили грузооборот, а по "
                "автомобильным маршрутам через Аравийский полуостров теперь идут грузы, которые раньше перевозили "
                "морем.",
                "Правительства стран Залива пользуются моментом, чтобы продвигать коридоры, которые они планировали "
                "годами: эти маршруты свяжут их порты с Иорданией, Ираком и Средиземноморьем.",
                ("h2", "Надолго ли?"),
                "Даже если в Красном море наступит затишье, часть этих перемен, скорее всего, сохранится. Торговцы, "
                "научившиеся обходиться без Суэцкого маршрута, вернутся не все.",
            ],
        ),
    ),
]

# -- Malcolm H. Kerr Carnegie Middle East Center: Arabic originals, some in English -----------
ARABIC_WORKS = [
    work(
        original(
            "demo-kerr-tunisia-municipalities",
            language="ar",
            title="البلديات التونسية بين المركزية الجديدة وانتظارات المواطنين",
            dek=(
                "بعد حلّ المجالس البلدية المنتخبة، عادت إدارة المدن التونسية إلى يد السلطة المركزية، فيما تتراكم "
                "مطالب السكان اليومية."
            ),
            date=datetime.date(2026, 2, 17),
            center=MIDDLE_EAST,
            authors=["Salma Benjelloun"],
            regions=["North Africa"],
            topics=["Political Reform", "Democracy"],
            projects=["Diwan"],
            paragraphs=[
                "كانت الانتخابات البلدية عام 2018 من أبرز ثمار مسار اللامركزية في تونس، إذ منحت المدن والقرى "
                "مجالس منتخبة وصلاحيات غير مسبوقة.",
                "لكن حلّ هذه المجالس عام 2023 أعاد القرار إلى الولاة والإدارة المركزية، في وقت تعاني فيه البلديات "
                "نقصاً في الموارد والكفاءات.",
                "ويشعر السكان بالنتائج مباشرة: نفايات لا تُجمع، وطرقات لا تُصان، ومشاريع متوقفة بانتظار تراخيص من "
                "العاصمة.",
                "إن أي إصلاح جدّي للحكم المحلي يبدأ بإعادة الثقة بين المواطن والبلدية، وهو ما لا تستطيع المركزية "
                "وحدها تحقيقه.",
            ],
        ),
        edition(
            "en",
            KARIM,
            days=4,
            title="Tunisia’s Municipalities, Caught Between a New Centralism and Residents’ Expectations",
            dek=(
                "Since the elected municipal councils were dissolved, Tunisia’s cities are run from the center "
                "again, while residents’ everyday demands pile up."
            ),
            paragraphs=[
                "The 2018 municipal elections were one of the most visible achievements of Tunisia’s "
                "decentralization, giving towns and villages elected councils and unprecedented powers.",
                "The dissolution of those councils in 2023 returned decisions to the governors and the central "
                "administration, at a time when municipalities lack both money and skilled staff.",
                "Residents feel the results directly: rubbish that is not collected, roads that are not maintained "
                "and projects stalled while they wait for permits from the capital.",
                "Any serious reform of local government has to start by rebuilding trust between citizens and their "
                "municipality, and centralization alone cannot do that.",
            ],
        ),
    ),
    work(
        original(
            "demo-kerr-jordan-youth",
            language="ar",
            title="شباب الأردن بين البطالة والهجرة",
            dek=(
                "يحمل عدد متزايد من الشباب الأردني شهادات جامعية لا يجد لها سوق العمل مكاناً، فيبحث كثيرون منهم "
                "عن مستقبلهم في الخارج."
            ),
            date=datetime.date(2026, 6, 23),
            center=MIDDLE_EAST,
            authors=["Omar Al-Khatib"],
            regions=["Levant"],
            topics=["Economy", "Civil Society"],
            projects=["Diwan"],
            paragraphs=[
                "تتجاوز نسبة البطالة بين الشباب في الأردن خُمسَهم، وترتفع أكثر بين النساء وخرّيجي الجامعات.",
                "ولا يعود ذلك إلى الأزمات الإقليمية وحدها، بل أيضاً إلى اقتصاد يعتمد على القطاع العام والتحويلات "
                "الخارجية، ولا يخلق ما يكفي من الوظائف في القطاع الخاص.",
                "ويرى كثير من الشباب في الهجرة إلى الخليج أو أوروبا الطريق الوحيد المتاح، ما يحرم البلاد من طاقات "
                "هي في أمسّ الحاجة إليها.",
                "إن مواجهة هذا الواقع تتطلب أكثر من برامج تدريب قصيرة الأمد: تتطلب إصلاحاً يفتح الاقتصاد أمام "
                "المبادرة ويكافئ العمل المنتج.",
            ],
        ),
        edition(
            "en",
            KARIM,
            days=3,
            title="Jordan’s Young People, Between Unemployment and Emigration",
            dek=(
                "A growing number of young Jordanians hold university degrees for which the labor market has no "
                "place, and many look for their future abroad."
            ),
            paragraphs=[
                "Youth unemployment in Jordan exceeds one in five, and it is higher still among women and university "
                "graduates.",
                "This is not only the result of regional crises. It also reflects an economy that relies on the "
                "public sector and on remittances, and that creates too few private-sector jobs.",
                "Many young people see emigration to the Gulf or to Europe as the only way open to them, which "
                "deprives the country of the energy it needs most.",
                "Facing this reality will take more than short-term training programs: it will take reforms that "
                "open the economy to initiative and reward productive work.",
            ],
        ),
    ),
    work(
        original(
            "demo-kerr-lebanon-municipal-elections",
            language="ar",
            title="ماذا تقول الانتخابات البلدية عن لبنان اليوم؟",
            dek=(
                "أُجريت الانتخابات البلدية بعد تأجيل دام سنوات، وكشفت نتائجها عن رغبة في التغيير تصطدم بقوة "
                "الأحزاب التقليدية."
            ),
            date=datetime.date(2025, 5, 27),
            center=MIDDLE_EAST,
            authors=["Yasmine Tabbara"],
            regions=["Levant"],
            topics=["Political Reform", "Democracy"],
            projects=["Diwan"],
            paragraphs=[
                "بعد ثلاثة تأجيلات متتالية، توجّه اللبنانيون أخيراً إلى صناديق الاقتراع لانتخاب مجالسهم البلدية "
                "والاختيارية.",
                "وفي بعض المدن الكبرى، نجحت لوائح مستقلة في انتزاع مقاعد من الأحزاب التقليدية، مستفيدةً من الغضب "
                "المتراكم منذ الانهيار المالي.",
                "لكن الأحزاب حافظت على سيطرتها في معظم البلدات والقرى، حيث تتشابك السياسة مع العائلة والخدمات.",
                "وتبقى المشاركة المتدنية الرسالة الأوضح: فكثير من اللبنانيين لم يعودوا يعتقدون أن صوتهم قادر على "
                "تغيير شيء.",
            ],
        ),
        edition(
            "en",
            KARIM,
            title="What Lebanon’s Municipal Elections Say About the Country Today",
            dek=(
                "Held after years of postponement, the municipal elections revealed a desire for change that runs "
                "up against the strength of the traditional parties."
            ),
            paragraphs=[
                "After three successive postponements, the Lebanese finally went to the polls to elect their "
                "municipal councils and mukhtars.",
                "In some of the big cities, independent lists won seats from the traditional parties, drawing on the "
                "anger that has built up since the financial collapse.",
                "But the parties kept their hold on most towns and villages, where politics is intertwined with "
                "family ties and services.",
                "Low turnout remains the clearest message: many Lebanese no longer believe that their vote can change "
                "anything.",
            ],
        ),
    ),
    work(
        original(
            "demo-kerr-egypt-debt",
            language="ar",
            title="مصر وفخّ الديون: هل تكفي الاستثمارات الخليجية؟",
            dek="خفّفت صفقات الاستثمار الكبرى الضغط عن الاقتصاد المصري، لكنها لا تعالج أسباب تراكم الدين.",
            date=datetime.date(2026, 8, 4),
            center=MIDDLE_EAST,
            authors=["Tarek Mansour"],
            regions=["North Africa"],
            topics=["Economy", "Foreign Policy"],
            projects=["Diwan"],
            paragraphs=[
                "جاءت الاستثمارات الخليجية الضخمة في الساحل الشمالي لتمنح القاهرة متنفّساً بعد سنوات من شحّ "
                "العملة الصعبة.",
                "غير أن خدمة الدين باتت تستهلك الجزء الأكبر من إيرادات الدولة، ما يترك هامشاً ضيقاً للإنفاق على "
                "التعليم والصحة.",
                "وتبقى المشكلة الأعمق في نموذج نموّ يعتمد على المشاريع العقارية الكبرى وعلى دور واسع للمؤسسات "
                "التابعة للدولة في الاقتصاد.",
                "ومن دون إصلاحات تفسح المجال للقطاع الخاص وتزيد الصادرات، ستعود مصر إلى الأزمة نفسها عند أول صدمة "
                "خارجية.",
            ],
        ),
    ),
    work(
        original(
            "demo-kerr-syria-refugees-return",
            language="ar",
            title="عودة اللاجئين السوريين: بين الرغبة والقدرة",
            dek=(
                "يرغب كثير من اللاجئين في العودة إلى سوريا، لكن الدمار وغياب الخدمات وانعدام الأمن في بعض المناطق "
                "تجعل العودة مؤجَّلة."
            ),
            date=datetime.date(2026, 10, 20),
            center=MIDDLE_EAST,
            authors=["Nadim Sfeir"],
            regions=["Levant"],
            topics=["Migration", "Conflict and Peacebuilding"],
            projects=["Diwan"],
            paragraphs=[
                "منذ التغيير في دمشق، عاد مئات الآلاف من اللاجئين من لبنان وتركيا والأردن، في حركة لم تشهدها "
                "البلاد منذ بداية الحرب.",
                "لكن العائدين يجدون في أحيان كثيرة منازل مدمّرة، ومدارس مغلقة، وكهرباء لا تصل إلا ساعات قليلة في اليوم.",
                "كما أن النزاعات على الملكية والوثائق المفقودة تعقّد استعادة البيوت والأراضي.",
                "ولكي تكون العودة طوعية ومستدامة، ينبغي أن تُربط المساعدات الدولية بإعادة الخدمات الأساسية في "
                "المناطق التي يعود إليها الناس، لا أن تبقى محصورة في دول اللجوء.",
            ],
        ),
    ),
    work(
        original(
            "demo-kerr-arab-cities-heat",
            language="ar",
            title="المدن العربية في مواجهة الحرّ الشديد",
            dek=(
                "تتجاوز درجات الحرارة في صيف المدن العربية خمسين درجة مئوية أكثر فأكثر، والفقراء هم أول من يدفع الثمن."
            ),
            date=datetime.date(2026, 7, 28),
            center=MIDDLE_EAST,
            authors=["Yasmine Tabbara"],
            regions=["Gulf", "North Africa"],
            topics=["Climate", "Civil Society"],
            projects=["Diwan"],
            paragraphs=[
                "من البصرة إلى الكويت وأسوان، باتت موجات الحرّ التي تتجاوز فيها الحرارة خمسين درجة مئوية ظاهرة "
                "تتكرر كل صيف.",
                "وتتحمّل الأحياء الفقيرة العبء الأكبر، حيث المساكن المكتظة وانقطاع الكهرباء وقلّة المساحات الخضراء.",
                "بعض المدن بدأت تتكيّف، فتزرع الأشجار وتعدّل مواعيد العمل وتفتح مراكز للتبريد، لكن هذه الجهود "
                "تبقى متفرقة.",
                "إن التكيّف مع الحرّ لم يعُد مسألة بيئية فحسب، بل أصبح قضية عدالة اجتماعية وصحة عامة تتطلب تخطيطاً "
                "عمرانياً مختلفاً.",
            ],
        ),
    ),
    work(
        original(
            "demo-kerr-lebanon-deposits",
            language="ar",
            title="ودائع اللبنانيين: مَن يتحمّل الخسائر؟",
            dek=(
                "بعد ست سنوات على الانهيار، لا يزال المودعون ينتظرون خطة واضحة لتوزيع الخسائر بين الدولة والمصرف "
                "المركزي والمصارف."
            ),
            date=datetime.date(2025, 9, 30),
            center=MIDDLE_EAST,
            authors=["Yasmine Tabbara"],
            regions=["Levant"],
            topics=["Economy", "Political Reform"],
            projects=["Diwan"],
            paragraphs=[
                "منذ خريف 2019، يعيش ملايين المودعين اللبنانيين على سحوبات محدودة من حسابات فقدت معظم قيمتها الفعلية.",
                "وتتقاذف الدولة ومصرف لبنان والمصارف التجارية المسؤولية، فيما يرفض كل طرف أن يتحمّل حصة من الخسائر "
                "تتناسب مع دوره في الأزمة.",
                "إن أي خطة تعافٍ ذات مصداقية تبدأ بالاعتراف بحجم الفجوة المالية، ثم بتحديد تسلسل واضح: رساميل "
                "المصارف أولاً، ثم كبار المودعين، مع حماية صغارهم.",
                "ومن دون ذلك، سيبقى الاقتصاد اللبناني اقتصاداً نقدياً خارج النظام المصرفي، وستبقى الثقة غائبة لسنوات.",
            ],
        ),
    ),
    work(
        original(
            "demo-kerr-iraq-after-elections",
            language="ar",
            title="العراق بعد الانتخابات: حكومة توافق أم حكومة أغلبية؟",
            dek=(
                "أفرزت الانتخابات التشريعية برلماناً مشتّتاً، وعاد السؤال القديم حول شكل الحكومة المقبلة وتوزيع المناصب."
            ),
            date=datetime.date(2025, 11, 25),
            center=MIDDLE_EAST,
            authors=["Nadim Sfeir"],
            regions=["Gulf"],
            topics=["Political Reform", "Security"],
            projects=["Diwan"],
            paragraphs=[
                "كما في كل دورة انتخابية منذ 2005، لم يحصل أي تحالف في العراق على أغلبية تسمح له بتشكيل الحكومة "
                "منفرداً.",
                "وتدفع قوى عدّة نحو حكومة توافقية تضمّ الجميع، فيما يرى آخرون أن هذا النموذج هو أصل المحاصصة وضعف "
                "المحاسبة.",
                "وفي الخلفية، تبقى مسائل العلاقة مع الفصائل المسلّحة، والموازنة، والعلاقة بين بغداد وأربيل، من دون "
                "حلول.",
                "وأياً يكن شكل الحكومة، فإن اختبارها الحقيقي سيكون قدرتها على تقديم الخدمات في بلد ما زال يعاني "
                "انقطاع الكهرباء وشحّ المياه.",
            ],
        ),
    ),
    work(
        original(
            "demo-kerr-morocco-drought",
            language="ar",
            title="المغرب والجفاف: تحلية المياه ليست حلاً سحرياً",
            dek=(
                "يراهن المغرب على محطات تحلية كبرى لمواجهة سنوات الجفاف، لكن الزراعة المستهلكة للمياه تبقى التحدي "
                "الأكبر."
            ),
            date=datetime.date(2025, 8, 19),
            center=MIDDLE_EAST,
            authors=["Salma Benjelloun"],
            regions=["North Africa"],
            topics=["Climate", "Economy"],
            projects=["Diwan"],
            paragraphs=[
                "يعيش المغرب منذ سنوات على وقع جفاف متواصل، تراجعت معه مخزونات السدود إلى مستويات مقلقة.",
                "وقد ردّت الحكومة بخطة طموحة لبناء محطات تحلية لمياه البحر، أبرزها محطة الدار البيضاء، إلى جانب نقل "
                "المياه بين الأحواض.",
                "غير أن الزراعة، التي تستهلك الجزء الأكبر من المياه، لا تزال تتوسّع في زراعات تصديرية كثيفة الاستهلاك.",
                "إن الأمن المائي يتطلب إعادة النظر في خيارات التنمية الزراعية، لا الاكتفاء بإنتاج مزيد من المياه "
                "بكلفة طاقية مرتفعة.",
            ],
        ),
        edition(
            "en",
            KARIM,
            days=3,
            title="Morocco’s Drought: Desalination Is No Magic Solution",
            dek=(
                "Morocco is betting on large desalination plants to cope with years of drought, but water-hungry "
                "agriculture remains the biggest challenge."
            ),
            paragraphs=[
                "Morocco has lived through years of uninterrupted drought, and the reserves in its dams have fallen "
                "to alarming levels.",
                "The government has responded with an ambitious plan to build seawater desalination plants, the "
                "largest of them in Casablanca, along with transfers of water between river basins.",
                "Yet agriculture, which consumes most of the country’s water, is still expanding into "
                "water-intensive crops grown for export.",
                "Water security requires rethinking the choices of agricultural development, not simply producing "
                "more water at a high cost in energy.",
            ],
        ),
    ),
    work(
        original(
            "demo-kerr-saudi-vision-midway",
            language="ar",
            title="رؤية 2030 في منتصف الطريق",
            dek=(
                "حقّقت السعودية تقدّماً في السياحة والترفيه ومشاركة المرأة في سوق العمل، لكن المشاريع العملاقة تواجه "
                "مراجعة في ظلّ أسعار النفط."
            ),
            date=datetime.date(2026, 5, 5),
            center=MIDDLE_EAST,
            authors=["Tarek Mansour"],
            regions=["Gulf"],
            topics=["Economy", "Energy"],
            projects=["Diwan"],
            paragraphs=[
                "بعد نحو عقد على إطلاق رؤية 2030، تبدو المملكة العربية السعودية مختلفة في كثير من الجوانب: قطاع "
                "ترفيه ناشئ، وسياحة متنامية، ونسبة أعلى من النساء في سوق العمل.",
                "لكن تراجع أسعار النفط وارتفاع الإنفاق دفعا الحكومة إلى إعادة ترتيب أولوياتها، وتقليص بعض المشاريع "
                "العملاقة أو تأجيلها.",
                "ويبقى القطاع الخاص غير النفطي أصغر مما تطمح إليه الرؤية، فيما لا يزال الإنفاق الحكومي المحرّك "
                "الأساسي للنمو.",
                "والسؤال في السنوات المقبلة ليس ما إذا كانت الرؤية ستتحقق كاملة، بل أي أجزائها ستصمد أمام الحسابات "
                "المالية.",
            ],
        ),
    ),
    work(
        original(
            "demo-kerr-gaza-arab-role",
            language="ar",
            title="الدور العربي في اليوم التالي لغزة",
            dek=(
                "تطرح الدول العربية خطة لإعادة إعمار غزة وإدارتها، لكن نجاحها يتوقف على ضمانات سياسية وأمنية لم "
                "تتوفّر بعد."
            ),
            date=datetime.date(2026, 1, 20),
            center=MIDDLE_EAST,
            authors=["Nadim Sfeir"],
            regions=["Levant"],
            topics=["Conflict and Peacebuilding", "Foreign Policy"],
            projects=["Diwan"],
            paragraphs=[
                "قدّمت مصر، بدعم من جامعة الدول العربية، خطة لإعادة إعمار قطاع غزة تقوم على إدارة فلسطينية "
                "انتقالية ودعم مالي عربي ودولي.",
                "وتشترط دول الخليج، التي يُنتظر أن تتحمّل جزءاً كبيراً من الكلفة، أفقاً سياسياً واضحاً قبل أن تلتزم بأموالها.",
                "كما يبقى سؤال الأمن معلّقاً: مَن سيتولّى حفظ النظام في القطاع، وبأي تفويض؟",
                "إن دوراً عربياً فاعلاً ممكن، لكنه لن ينجح إذا اقتصر على تمويل إعادة بناء ما قد يُدمَّر مجدداً.",
            ],
        ),
        edition(
            "en",
            KARIM,
            title="The Arab Role in Gaza’s Day After",
            dek=(
                "Arab states have put forward a plan to rebuild and govern Gaza, but its success depends on "
                "political and security guarantees that do not yet exist."
            ),
            paragraphs=[
                "Egypt, backed by the Arab League, has presented a plan to rebuild the Gaza Strip based on a "
                "transitional Palestinian administration and Arab and international funding.",
                "Gulf states, which are expected to bear much of the cost, want a clear political horizon before "
                "they commit their money.",
                "The question of security also remains open: who will keep order in the Strip, and with what mandate?",
                "An effective Arab role is possible, but it will not succeed if it is limited to paying to rebuild "
                "what may be destroyed again.",
            ],
        ),
    ),
    work(
        original(
            "demo-kerr-egypt-civil-society",
            language="ar",
            title="المجتمع المدني في مصر تحت الضغط",
            dek=("تواجه المنظمات غير الحكومية في مصر قيوداً متزايدة على التمويل والعمل، في ظلّ قانون جديد قيد النقاش."),
            date=datetime.date(2016, 3, 15),
            center=MIDDLE_EAST,
            authors=["Dalia Abdelrahman"],
            regions=["North Africa"],
            topics=["Civil Society", "Human Rights"],
            projects=["Diwan"],
            paragraphs=[
                "منذ 2013، تضيق المساحة المتاحة لعمل منظمات المجتمع المدني في مصر عاماً بعد عام.",
                "فقد مُنع عدد من الحقوقيين من السفر، وجُمّدت أموال بعض المنظمات، فيما يُناقَش مشروع قانون يُخضع "
                "التمويل الأجنبي لرقابة أمنية مشدّدة.",
                "وتبرّر السلطات هذه الإجراءات بحماية الأمن القومي، لكنها تطال أيضاً جمعيات تعمل في التنمية والتعليم "
                "والصحة.",
                "إن إضعاف المجتمع المدني لا يخدم الاستقرار، بل يحرم الدولة من شركاء تحتاج إليهم في مواجهة التحديات "
                "الاجتماعية.",
            ],
        ),
    ),
    work(
        original(
            "demo-kerr-syria-sanctions-relief",
            language="ar",
            title="رفع العقوبات عن سوريا: الفرص والعوائق",
            dek="فتح تخفيف العقوبات الغربية الباب أمام الاستثمار في سوريا، لكن المصارف والشركات لا تزال مترددة.",
            date=datetime.date(2026, 9, 29),
            center=MIDDLE_EAST,
            authors=["Tarek Mansour"],
            regions=["Levant"],
            topics=["Economy", "Foreign Policy"],
            projects=["Diwan"],
            paragraphs=[
                "شكّل قرار الولايات المتحدة والاتحاد الأوروبي تخفيف العقوبات على سوريا نقطة تحوّل بعد أكثر من عقد "
                "من العزلة الاقتصادية.",
                "وبدأت وفود استثمارية من الخليج وتركيا تزور دمشق، ولا سيما في قطاعات الطاقة والاتصالات والبناء.",
                "لكن المصارف الدولية تخشى المخاطر القانونية، والبنية التحتية المالية في سوريا منهكة، والقوانين "
                "الناظمة للاستثمار بحاجة إلى مراجعة شاملة.",
                "وسيتوقف تحويل رفع العقوبات إلى نمو فعلي على قدرة السلطات الجديدة على بناء مؤسسات شفافة تطمئن "
                "المستثمرين والمواطنين معاً.",
            ],
        ),
    ),
    work(
        original(
            "demo-kerr-libya-divided",
            language="ar",
            title="ليبيا: انقسام مؤسسي يطول",
            dek=("لا تزال ليبيا منقسمة بين حكومتين ومؤسسات متنافسة، فيما تتحكّم المصالح الاقتصادية في توازن هشّ."),
            date=datetime.date(2026, 4, 28),
            center=MIDDLE_EAST,
            authors=["Salma Benjelloun"],
            regions=["North Africa"],
            topics=["Conflict and Peacebuilding", "Political Reform"],
            projects=["Diwan"],
            paragraphs=[
                "بعد أكثر من عقد على سقوط القذافي، لا تزال في ليبيا حكومتان تتنازعان الشرعية، في طرابلس وفي الشرق.",
                "وقد تحوّل المصرف المركزي والمؤسسة الوطنية للنفط إلى ساحتين للصراع على الموارد، ما يهدّد الإيرادات "
                "التي يعيش عليها الليبيون.",
                "وتتعثّر المبادرات الأممية لإجراء الانتخابات أمام خلافات حول القوانين الانتخابية وأهلية المرشحين.",
                "ومن دون توافق على توزيع عادل للثروة النفطية، سيبقى الانقسام المؤسسي قائماً، وستبقى البلاد عرضة "
                "لجولات جديدة من العنف.",
            ],
        ),
    ),
]

# -- Carnegie Russia Eurasia Center: English originals in Russian (and Chinese) ---------------
RUSSIA_WORKS = [
    work(
        original(
            "demo-russia-central-asia-migrants",
            title="Central Asia’s Migrants Are Rethinking Russia",
            dek=(
                "Tighter rules and hostility after the Crocus attack are pushing workers from Uzbekistan, "
                "Tajikistan and Kyrgyzstan to look elsewhere."
            ),
            date=datetime.date(2026, 4, 2),
            center=RUSSIA,
            authors=["Aigerim Seitkali"],
            regions=["Central Asia", "Russia"],
            topics=["Migration", "Economy"],
            projects=["Carnegie Politika"],
            paragraphs=[
                "For three decades, Russia was the default destination for workers from Central Asia. Their "
                "remittances kept families, and whole economies, afloat.",
                "Since the attack on Crocus City Hall in 2024, raids, new registration rules and open hostility have "
                "made life in Russia harder for migrants.",
                "Many are now looking to South Korea, the Gulf and Europe, where wages are higher and recruitment is "
                "increasingly organized by their own governments.",
                "Russia still needs these workers, but it can no longer take them for granted.",
            ],
        ),
        edition(
            "ru",
            OLGA,
            days=3,
            title="Мигранты из Центральной Азии пересматривают свое отношение к России",
            dek=(
                "Ужесточение правил и враждебность после теракта в «Крокусе» заставляют работников из Узбекистана, "
                "Таджикистана и Киргизии искать другие направления."
            ),
            paragraphs=[
                "На протяжении тридцати лет Россия оставалась для работников из Центральной Азии направлением по "
                "умолчанию. Их денежные переводы поддерживали на плаву семьи, а то и целые экономики.",
                "После теракта в «Крокус Сити Холле» в 2024 году рейды, новые правила регистрации и открытая "
                "враждебность сделали жизнь мигрантов в России тяжелее.",
                "Многие теперь смотрят в сторону Южной Кореи, стран Персидского залива и Европы, где зарплаты выше, "
                "а набор работников всё чаще организуют их собственные правительства.",
                "Россия по-прежнему нуждается в этих работниках, но больше не может считать их приезд чем-то само "
                "собой разумеющимся.",
            ],
        ),
    ),
    work(
        original(
            "demo-russia-shadow-fleet",
            title="The Shadow Fleet Keeps Russian Oil Moving",
            dek=(
                "Sanctions have not stopped Russia’s oil exports. An aging fleet of tankers with opaque owners has "
                "carried them instead."
            ),
            date=datetime.date(2026, 5, 12),
            center=RUSSIA,
            centers=[RUSSIA, GLOBAL],
            authors=["Ekaterina Belyaeva"],
            regions=["Russia"],
            topics=["Energy", "Trade"],
            projects=["Carnegie Politika"],
            lead_image_credit="Source: Getty",
            paragraphs=[
                "When the price cap on Russian oil came into force, Western governments hoped to squeeze the "
                "Kremlin’s revenues without disrupting global supply.",
                "Russia responded by assembling a fleet of several hundred aging tankers, registered under flags of "
                "convenience and insured outside Western markets.",
                "The fleet has kept exports flowing, but at a cost: higher freight rates, deeper discounts and a "
                "growing risk of accidents in the Baltic and Black Seas.",
                "Each new round of designations removes some ships from service. Russia has so far found "
                "replacements faster than they could be listed.",
                # Added after the Russian edition was translated (EDITIONS_BEHIND); the Chinese one has it.
                "Update: the EU’s latest sanctions package lists more than a hundred further tankers and targets the "
                "traders who charter them.",
            ],
        ),
        edition(
            "ru",
            OLGA,
            title="Теневой флот обеспечивает движение российской нефти",
            dek=(
                "Санкции не остановили российский нефтяной экспорт. Его взял на себя стареющий флот танкеров с "
                "непрозрачными владельцами."
            ),
            paragraphs=[
                "Вводя потолок цен на российскую нефть, западные правительства рассчитывали сократить доходы Кремля, "
                "не нарушая мировых поставок.",
                "В ответ Россия собрала флот из нескольких сотен старых танкеров, зарегистрированных под удобными "
                "флагами и застрахованных за пределами западных рынков.",
                "Этот флот позволил сохранить экспорт, но дорогой ценой: выросли фрахтовые ставки, увеличились "
                "скидки, а риск аварий в Балтийском и Черном морях становится всё выше.",
                "Каждый новый санкционный список выводит из эксплуатации часть судов. Но пока Россия находила им "
                "замену быстрее, чем их успевали внести в списки.",
            ],
        ),
        edition(
            "zh-hans",
            LIU,
            days=7,
            title="“影子船队”让俄罗斯石油继续流动",
            dek="制裁并未阻止俄罗斯的石油出口。一支船龄老化、所有权不透明的油轮船队承担起了运输任务。",
            paragraphs=[
                "俄罗斯石油价格上限生效时，西方国家政府希望在不扰乱全球供应的前提下压缩克里姆林宫的收入。",
                "俄罗斯的应对之策是组建一支由数百艘老旧油轮组成的船队，这些油轮悬挂方便旗，并在西方市场之外投保。",
                "这支船队维持了出口，但也付出了代价：运费上涨，折扣加深，波罗的海和黑海发生事故的风险日益增加。",
                "每一轮新的制裁名单都会让部分船只退出运营。但迄今为止，俄罗斯找到替代船只的速度，总是快于这些船只被列入名单的速度。",
                "更新：欧盟最新一轮制裁方案又将一百多艘油轮列入名单，并将矛头指向租用这些油轮的贸易商。",
            ],
        ),
    ),
    work(
        original(
            "demo-russia-georgia-eu-path",
            title="Georgia’s European Path Has Stalled, Not Ended",
            dek=(
                "The ruling party has frozen accession talks and cracked down on protest. Georgian society has not "
                "given up on Europe."
            ),
            date=datetime.date(2025, 12, 9),
            center=RUSSIA,
            authors=["Nino Beridze"],
            regions=["Caucasus"],
            topics=["Democracy", "EU"],
            projects=["Carnegie Politika"],
            paragraphs=[
                "Georgia became an EU candidate in 2023 on the strength of overwhelming public support for European "
                "integration.",
                "Since then, the ruling Georgian Dream party has suspended accession talks, passed laws modeled on "
                "Russia’s and met months of protest with arrests and fines.",
                "Yet polls still show that most Georgians want to join the EU, and the protests have drawn people "
                "from well beyond the capital.",
                "Brussels faces a difficult balance: keeping pressure on the government without closing the door on "
                "the country.",
            ],
        ),
        edition(
            "ru",
            ANTON,
            title="Европейский путь Грузии остановился, но не закончился",
            dek=(
                "Правящая партия заморозила переговоры о вступлении и подавляет протесты. Но грузинское общество не "
                "отказалось от Европы."
            ),
            paragraphs=[
                "Грузия получила статус кандидата в члены ЕС в 2023 году благодаря подавляющей общественной "
                "поддержке европейской интеграции.",
                "С тех пор правящая партия «Грузинская мечта» приостановила переговоры о вступлении, приняла законы "
                "по российскому образцу и ответила на многомесячные протесты арестами и штрафами.",
                "Тем не менее опросы по-прежнему показывают, что большинство грузин хотят вступить в ЕС, а в "
                "протестах участвуют люди далеко за пределами столицы.",
                "Перед Брюсселем стоит непростая задача: сохранять давление на правительство, не закрывая дверь "
                "перед страной.",
            ],
        ),
    ),
    work(
        original(
            "demo-russia-wartime-governors",
            title="Russia’s Governors Are Paying for the War",
            dek="Regional budgets carry a growing share of the war’s costs, from enlistment bonuses to veterans’ care.",
            date=datetime.date(2026, 9, 1),
            center=RUSSIA,
            authors=["Mikhail Zarubin"],
            regions=["Russia"],
            topics=["Political Reform", "Security", "Economy"],
            projects=["Carnegie Politika"],
            paragraphs=[
                "Russia’s regions were once told to deliver votes and stability. Now they are also expected to "
                "deliver soldiers.",
                "Governors compete to offer the largest enlistment bonuses, and they pay for veterans’ benefits and "
                "for rebuilding damaged infrastructure in border areas.",
                "With federal transfers growing more slowly than these obligations, many regions have cut spending "
                "on roads, schools and hospitals.",
                "The strain does not threaten the Kremlin’s control, but it is widening the gap between a few rich "
                "regions and the rest.",
            ],
        ),
        edition(
            "ru",
            OLGA,
            days=1,
            title="Российские губернаторы платят за войну",
            dek=(
                "Региональные бюджеты несут всё большую долю военных расходов — от выплат при заключении контракта "
                "до помощи ветеранам."
            ),
            paragraphs=[
                "Когда-то от российских регионов требовали обеспечивать голоса и стабильность. Теперь от них ждут "
                "еще и солдат.",
                "Губернаторы соревнуются в размере выплат добровольцам, финансируют льготы для ветеранов и "
                "восстановление поврежденной инфраструктуры в приграничных районах.",
                "Поскольку федеральные трансферты растут медленнее, чем эти обязательства, многие регионы сократили "
                "расходы на дороги, школы и больницы.",
                "Эта нагрузка не угрожает контролю Кремля, но увеличивает разрыв между несколькими богатыми регионами "
                "и всеми остальными.",
            ],
        ),
    ),
    work(
        original(
            "demo-russia-armenia-azerbaijan",
            title="After Karabakh, Armenia and Azerbaijan Edge Toward Peace",
            dek=(
                "A draft treaty is on the table, but the sequencing of borders, transit routes and constitutional "
                "change still divides the two sides."
            ),
            date=datetime.date(2026, 3, 24),
            center=RUSSIA,
            authors=["Artur Hovhannisyan"],
            regions=["Caucasus"],
            topics=["Conflict and Peacebuilding", "Foreign Policy"],
            projects=["Carnegie Politika"],
            paragraphs=[
                "Two years after Azerbaijan took full control of Nagorno-Karabakh, Armenia and Azerbaijan have "
                "agreed on the text of a peace treaty.",
                "Signing and ratifying it is another matter. Baku wants Armenia to change its constitution first; "
                "Yerevan wants borders delimited and transit routes opened on terms it can accept.",
                "Russia, once the region’s arbiter, has lost much of its influence, while the EU, the United States "
                "and Türkiye each seek a role.",
                "A peace that both societies can live with would transform the South Caucasus. It is closer now "
                "than at any time in three decades.",
            ],
        ),
        edition(
            "ru",
            ANTON,
            title="После Карабаха Армения и Азербайджан приближаются к миру",
            dek=(
                "Проект договора готов, но порядок решения вопросов о границах, транзитных маршрутах и изменениях в "
                "конституции по-прежнему разделяет стороны."
            ),
            paragraphs=[
                "Спустя два года после того, как Азербайджан установил полный контроль над Нагорным Карабахом, "
                "Армения и Азербайджан согласовали текст мирного договора.",
                "Подписать и ратифицировать его — другое дело. Баку хочет, чтобы Армения сначала изменила "
                "конституцию, а Ереван — чтобы были делимитированы границы и открыты транзитные маршруты на "
                "приемлемых для него условиях.",
                "Россия, некогда главный арбитр в регионе, утратила большую часть своего влияния, тогда как ЕС, США "
                "и Турция стремятся играть в нем свою роль.",
                "Мир, с которым смогут жить оба общества, преобразил бы Южный Кавказ. Сейчас он ближе, чем когда-либо "
                "за последние три десятилетия.",
            ],
        ),
    ),
    work(
        original(
            "demo-russia-china-partnership",
            title="The Limits of the Russia-China Partnership",
            dek=(
                "Beijing has become Moscow’s indispensable partner. That dependence gives China more say and Russia "
                "less room."
            ),
            date=datetime.date(2025, 10, 14),
            center=RUSSIA,
            centers=[RUSSIA, GLOBAL],
            authors=["Mikhail Zarubin"],
            regions=["Russia", "China"],
            topics=["Foreign Policy", "Geopolitics"],
            projects=["Carnegie Politika"],
            paragraphs=[
                "Since the invasion of Ukraine, China has become Russia’s largest trading partner, its main buyer of "
                "oil and its chief supplier of machinery and electronics.",
                "Moscow presents the relationship as a partnership of equals. In practice, it increasingly depends "
                "on decisions made in Beijing, from payment channels to the price of gas.",
                "China, for its part, is careful to avoid secondary sanctions and keeps its largest banks at a "
                "distance from Russian deals.",
                "The partnership is durable, but it is not an alliance, and its terms are set more and more by the "
                "stronger side.",
            ],
        ),
        edition(
            "ru",
            OLGA,
            title="Пределы российско-китайского партнерства",
            dek=(
                "Пекин стал для Москвы незаменимым партнером. Эта зависимость дает Китаю больше влияния, а России — "
                "меньше пространства для маневра."
            ),
            paragraphs=[
                "После вторжения в Украину Китай стал крупнейшим торговым партнером России, главным покупателем ее "
                "нефти и основным поставщиком оборудования и электроники.",
                "Москва представляет эти отношения как партнерство равных. На деле она всё больше зависит от "
                "решений, принимаемых в Пекине, — от платежных каналов до цены на газ.",
                "Китай, со своей стороны, старается не попасть под вторичные санкции и держит крупнейшие банки на "
                "расстоянии от российских сделок.",
                "Это партнерство прочно, но это не союз, и его условия всё чаще определяет более сильная сторона.",
            ],
        ),
        edition(
            "zh-hans",
            CHEN,
            days=4,
            title="俄中伙伴关系的限度",
            dek="北京已成为莫斯科不可或缺的伙伴。这种依赖让中国拥有更大的话语权，也让俄罗斯的回旋余地越来越小。",
            paragraphs=[
                "自入侵乌克兰以来，中国已成为俄罗斯最大的贸易伙伴、最主要的石油买家以及机械和电子产品的主要供应国。",
                "莫斯科将两国关系描述为平等伙伴关系。但实际上，从支付渠道到天然气价格，俄罗斯越来越依赖北京作出的决定。",
                "中国方面则小心避免遭受二级制裁，让本国最大的几家银行与涉俄交易保持距离。",
                "这一伙伴关系是持久的，但它并非同盟，而且其条件越来越多地由更强的一方来决定。",
            ],
        ),
    ),
    work(
        original(
            "demo-russia-ukraine-volunteers",
            title="Ukraine’s Volunteers Are Becoming Institutions",
            dek=(
                "Groups that began by buying drones and bandages now run procurement, training and veterans’ "
                "programs alongside the state."
            ),
            date=datetime.date(2026, 8, 18),
            center=RUSSIA,
            authors=["Oleksandra Hrytsenko"],
            regions=["Ukraine"],
            topics=["Civil Society", "Security"],
            paragraphs=[
                "In the first weeks of the full-scale invasion, Ukrainians organized themselves: collecting money, "
                "driving supplies to the front and evacuating civilians.",
                "Several years on, the strongest of these groups have become professional organizations, with "
                "audited accounts, long-term contracts and staff of their own.",
                "Some now work hand in hand with the defense ministry; others run rehabilitation centers and "
                "programs for veterans returning to civilian life.",
                "This civic infrastructure is one of Ukraine’s most important assets, and it will matter as much "
                "after the war as during it.",
            ],
        ),
        edition(
            "ru",
            ANTON,
            days=3,
            title="Украинские волонтеры превращаются в институты",
            dek=(
                "Группы, которые начинали с закупки дронов и бинтов, теперь наравне с государством занимаются "
                "закупками, обучением и программами для ветеранов."
            ),
            paragraphs=[
                "В первые недели полномасштабного вторжения украинцы самоорганизовались: собирали деньги, везли "
                "грузы на фронт и эвакуировали мирных жителей.",
                "Спустя несколько лет самые сильные из этих групп стали профессиональными организациями с "
                "проверенной аудиторами отчетностью, долгосрочными контрактами и собственным штатом.",
                "Одни сегодня работают рука об руку с Министерством обороны, другие руководят реабилитационными "
                "центрами и программами для ветеранов, возвращающихся к мирной жизни.",
                "Эта гражданская инфраструктура — один из важнейших ресурсов Украины, и после войны она будет "
                "значить не меньше, чем во время нее.",
            ],
        ),
    ),
]

# -- Carnegie China and Asia: English originals in Chinese ------------------------------------
# Older than data.CHINA_RAIL_CUTOFF when they carry Carnegie China.
CHINA_WORKS = [
    work(
        original(
            "demo-china-indonesia-nickel",
            title="Indonesia’s Nickel Bet Depends on Chinese Capital",
            dek=(
                "Jakarta’s export ban built a smelting industry almost overnight. Most of the money, and many of "
                "the risks, came from China."
            ),
            date=datetime.date(2024, 11, 19),
            center=CHINA,
            authors=["Tan Shu Hui"],
            regions=["Southeast Asia", "China"],
            topics=["Trade", "Economy"],
            paragraphs=[
                "When Indonesia banned exports of raw nickel ore, it wanted companies to process the metal at home, "
                "moving up the value chain toward batteries for electric vehicles.",
                "The policy worked faster than anyone expected. Within a few years, Indonesia became the world’s "
                "largest producer of refined nickel.",
                "Most of the new smelters were built and financed by Chinese firms, which brought their own workers, "
                "technology and coal-fired power plants.",
                "Jakarta now faces the harder task of spreading the benefits more widely and cleaning up an industry "
                "whose environmental costs fall on local communities.",
            ],
        ),
        edition(
            "zh-hans",
            CHEN,
            days=3,
            title="印尼的镍业豪赌离不开中国资本",
            dek="雅加达的出口禁令几乎在一夜之间催生了一个冶炼产业。其中大部分资金和不少风险都来自中国。",
            paragraphs=[
                "印度尼西亚禁止出口镍原矿，意在让企业在本国加工这种金属，沿着价值链向电动汽车电池领域攀升。",
                "这项政策见效之快超出所有人的预期。短短几年间，印尼便成为全球最大的精炼镍生产国。",
                "新建的冶炼厂大多由中国企业投资兴建，它们带来了自己的工人、技术和燃煤电厂。",
                "如今，雅加达面临着更艰巨的任务：让更多人分享收益，并整治一个环境代价由当地社区承担的产业。",
            ],
        ),
    ),
    work(
        original(
            "demo-china-philippines-transparency",
            title="Manila’s Transparency Campaign in the South China Sea",
            dek=(
                "By publicizing every encounter with Chinese vessels, the Philippines has turned information into a "
                "tool of statecraft."
            ),
            date=datetime.date(2024, 8, 27),
            center=CHINA,
            authors=["Maria Consuelo Dizon"],
            regions=["Southeast Asia", "China"],
            topics=["Security", "Foreign Policy"],
            lead_image_credit="Source: Getty",
            paragraphs=[
                "For years, confrontations between Philippine and Chinese ships in the South China Sea went largely "
                "unreported.",
                "Since 2023, Manila has changed course. Its coast guard invites journalists aboard, releases videos "
                "within hours and briefs foreign diplomats on each incident.",
                "The campaign has won the Philippines sympathy abroad and strengthened its case that China is "
                "violating international law.",
                "It has not changed China’s behavior at sea. But it has raised the political cost of coercion and "
                "made it harder to deny.",
            ],
        ),
        edition(
            "zh-hans",
            CHEN,
            days=4,
            title="马尼拉在南海的“透明度”攻势",
            dek="菲律宾公开与中国船只的每一次遭遇，把信息变成了一种外交手段。",
            paragraphs=[
                "多年来，菲律宾与中国船只在南海的对峙大多未见诸报端。",
                "自2023年起，马尼拉改变了做法。菲律宾海岸警卫队邀请记者随船采访，在事发数小时内发布视频，"
                "并就每一起事件向外国外交官通报情况。",
                "这一攻势为菲律宾赢得了国际同情，也强化了其关于中国违反国际法的主张。",
                "它并未改变中国在海上的行为，但提高了胁迫行为的政治成本，也使其更难被否认。",
            ],
        ),
    ),
    work(
        original(
            "demo-china-ev-southeast-asia",
            title="Chinese Electric Vehicles Find a Home in Southeast Asia",
            dek="Shut out of some Western markets, Chinese carmakers are building factories from Thailand to Indonesia.",
            date=datetime.date(2025, 1, 14),
            center=CHINA,
            authors=["Tan Shu Hui"],
            regions=["Southeast Asia", "China"],
            topics=["Trade", "Technology"],
            paragraphs=[
                "As the United States and Europe raise tariffs on Chinese electric vehicles, Chinese manufacturers "
                "are turning to Southeast Asia.",
                "Thailand, long the region’s car-making hub, has attracted new plants from several Chinese brands, "
                "and Indonesia hopes to use its nickel to build a battery industry.",
                "Governments welcome the investment, but local parts suppliers worry that Chinese firms will bring "
                "their own supply chains and leave little room for them.",
                "How the region negotiates local content and technology transfer will decide whether it becomes a "
                "partner in the industry or only an assembly line.",
                # Added after the Chinese edition was translated (EDITIONS_BEHIND).
                "Update: Thailand has since tied its electric-vehicle incentives to the use of locally made "
                "batteries and parts.",
            ],
        ),
        edition(
            "zh-hans",
            LIU,
            days=3,
            title="中国电动汽车在东南亚找到新家园",
            dek="在部分西方市场受阻之后，中国汽车制造商正在从泰国到印尼的东南亚各地建厂。",
            paragraphs=[
                "随着美国和欧洲提高对中国电动汽车的关税，中国制造商纷纷把目光投向东南亚。",
                "长期作为本地区汽车制造中心的泰国，已吸引多个中国品牌新建工厂；印尼则希望利用本国的镍资源打造电池产业。",
                "各国政府对这些投资表示欢迎，但当地零部件供应商担心，中国企业会带来自己的供应链，留给它们的空间所剩无几。",
                "东南亚在本地化率和技术转让问题上的谈判结果，将决定它究竟能成为这一产业的合作伙伴，还是仅仅充当一条组装线。",
            ],
        ),
    ),
    work(
        original(
            "demo-china-small-and-beautiful",
            title="“Small and Beautiful”: The Belt and Road Scales Down",
            dek=(
                "Beijing now favors modest, quick-return projects over giant loans. The shift reflects lessons "
                "learned, not a retreat."
            ),
            date=datetime.date(2025, 3, 4),
            center=CHINA,
            authors=["Zhou Yiran"],
            regions=["China", "Southeast Asia"],
            topics=["Foreign Policy", "Economy"],
            paragraphs=[
                "A decade ago, the Belt and Road Initiative was known for railways, ports and power plants financed "
                "by large Chinese loans.",
                "Debt troubles in several partner countries and tighter budgets at home have changed the approach. "
                "Chinese officials now speak of “small and beautiful” projects.",
                "These include solar farms, vocational schools and digital services, often financed with local "
                "partners and designed to pay back quickly.",
                "The initiative is not disappearing. It is becoming less visible, and perhaps more durable.",
            ],
        ),
        edition(
            "zh-hans",
            CHEN,
            title="“小而美”：“一带一路”缩小规模",
            dek="北京如今更青睐规模适中、回报快的项目，而不是巨额贷款。这一转变体现的是经验总结，而非战略收缩。",
            paragraphs=[
                "十年前，“一带一路”倡议以中国大额贷款支持的铁路、港口和电站项目而闻名。",
                "一些伙伴国家陷入债务困境，国内预算也日益收紧，这些都改变了合作方式。中国官员如今常提“小而美”的项目。",
                "这些项目包括太阳能电站、职业学校和数字服务，通常与当地伙伴共同出资，设计上力求尽快收回成本。",
                "这一倡议并没有消失。它正在变得不那么显眼，但或许也更加持久。",
            ],
        ),
    ),
    work(
        original(
            "demo-korea-nuclear-debate",
            title="South Korea’s Nuclear Debate Is Not Going Away",
            dek="Doubts about U.S. commitments have made an independent nuclear deterrent a mainstream idea in Seoul.",
            date=datetime.date(2026, 2, 3),
            center=GLOBAL,
            authors=["Hyun-woo Baek"],
            regions=["Korean Peninsula", "East Asia"],
            topics=["Nuclear Policy", "Security"],
            programs=["Asia Program"],
            paragraphs=[
                "Not long ago, calls for South Korea to build its own nuclear weapons came from the fringes of "
                "politics.",
                "Today, opinion polls regularly show a majority in favor, and senior politicians discuss the idea "
                "openly.",
                "The reasons are clear: North Korea’s growing arsenal, and uncertainty about whether the United "
                "States would risk its own cities to defend Seoul.",
                "Washington’s best answer is not to dismiss the debate but to make extended deterrence more "
                "credible, through closer planning and visible commitments.",
            ],
        ),
        edition(
            "zh-hans",
            LIU,
            days=4,
            title="韩国的核武器辩论不会消失",
            dek="对美国承诺的疑虑，已使发展独立核威慑成为首尔的主流观点。",
            paragraphs=[
                "不久以前，呼吁韩国自主研发核武器的声音还只来自政治光谱的边缘。",
                "如今，民调屡屡显示多数民众表示支持，资深政界人士也公开讨论这一设想。",
                "原因显而易见：朝鲜的核武库不断扩大，而美国是否愿意冒本国城市遭受打击的风险来保卫首尔，则存在不确定性。",
                "华盛顿的最佳回应不是对这场辩论置之不理，而是通过更紧密的联合规划和看得见的承诺，提升延伸威慑的可信度。",
            ],
        ),
    ),
]

# -- The global network: English originals in two or three languages ----------------------------
GLOBAL_WORKS = [
    work(
        original(
            "demo-global-arms-control-without-treaties",
            title="Arms Control Without Treaties",
            dek=(
                "With New START expired and no successor in sight, the nuclear powers will have to manage risks "
                "through informal restraint."
            ),
            type="legacyarticle",
            date=datetime.date(2026, 2, 24),
            center=GLOBAL,
            authors=["Samuel Achterberg"],
            regions=["United States", "Russia", "China"],
            topics=["Nuclear Policy", "Security", "Global Governance"],
            programs=["Nuclear Policy Program"],
            projects=["Nuclear Risk Reduction Initiative"],
            lead_image_credit="Source: Getty",
            paragraphs=[
                ("h2", "The End of an Era"),
                "For half a century, treaties between Washington and Moscow set limits on the world’s largest "
                "nuclear arsenals and allowed each side to inspect the other.",
                "The expiry of New START in 2026 left no legally binding limits in place for the first time since "
                "the 1970s.",
                ("h2", "What Can Still Be Done"),
                "Formal negotiations are unlikely soon, and China refuses to join talks on terms set by the other "
                "two. But informal steps remain possible: mutual restraint on deployments, notifications of missile "
                "tests and regular military dialogue.",
                "Such measures are weaker than treaties, yet they can reduce the danger of miscalculation in a crisis.",
                ("h2", "Why It Matters"),
                "The alternative is an arms race without rules among three nuclear powers. That would be more "
                "costly, and far more dangerous, than the imperfect order it replaced.",
            ],
        ),
        edition(
            "ru",
            OLGA,
            days=3,
            title="Контроль над вооружениями без договоров",
            dek=(
                "Срок действия СНВ-3 истек, замены ему не видно, и ядерным державам придется управлять рисками с "
                "помощью неформальной сдержанности."
            ),
            paragraphs=[
                ("h2", "Конец эпохи"),
                "На протяжении полувека договоры между Вашингтоном и Москвой ограничивали крупнейшие в мире ядерные "
                "арсеналы и позволяли сторонам инспектировать друг друга.",
                "После истечения срока действия СНВ-3 в 2026 году впервые с 1970-х годов не осталось юридически "
                "обязывающих ограничений.",
                ("h2", "Что еще можно сделать"),
                "Официальные переговоры в ближайшее время маловероятны, а Китай отказывается присоединяться к ним на "
                "условиях, установленных двумя другими державами. Но неформальные шаги по-прежнему возможны: "
                "взаимная сдержанность в развертывании, уведомления об испытаниях ракет и регулярный диалог военных.",
                "Такие меры слабее договоров, однако они способны снизить опасность просчета во время кризиса.",
                ("h2", "Почему это важно"),
                "Альтернатива — гонка вооружений без правил между тремя ядерными державами. Она обойдется дороже и "
                "будет куда опаснее, чем тот несовершенный порядок, на смену которому она придет.",
            ],
        ),
        edition(
            "zh-hans",
            LIU,
            days=5,
            title="没有条约的军备控制",
            dek="《新削减战略武器条约》已经到期，后续条约遥遥无期，核大国将不得不依靠非正式的相互克制来管控风险。",
            paragraphs=[
                ("h2", "一个时代的终结"),
                "半个世纪以来，华盛顿与莫斯科之间的条约为全球最大的两个核武库设定了上限，并允许双方相互核查。",
                "2026年《新削减战略武器条约》到期后，自20世纪70年代以来首次不再有任何具有法律约束力的限制。",
                ("h2", "仍可采取的措施"),
                "正式谈判短期内难以启动，而中国也拒绝按照另外两国设定的条件加入谈判。但非正式措施仍然可行："
                "在部署方面相互克制、通报导弹试射以及开展定期军事对话。",
                "这些措施的约束力不及条约，但可以降低危机中误判的风险。",
                ("h2", "为何至关重要"),
                "否则，三个核大国之间将展开一场毫无规则的军备竞赛。与它所取代的那个并不完美的秩序相比，"
                "这样的竞赛代价更高，也危险得多。",
            ],
        ),
        edition(
            "ar",
            RANIA,
            days=6,
            title="ضبط التسلّح من دون معاهدات",
            dek=(
                "مع انتهاء معاهدة نيو ستارت وغياب أي بديل في الأفق، سيتعيّن على القوى النووية إدارة المخاطر من "
                "خلال ضبط النفس غير الرسمي."
            ),
            paragraphs=[
                ("h2", "نهاية حقبة"),
                "على مدى نصف قرن، وضعت المعاهدات المُبرمة بين واشنطن وموسكو حدوداً لأكبر ترسانتين نوويتين في "
                "العالم، وسمحت لكلٍّ من الطرفين بالتحقّق من التزام الآخر.",
                "ومع انتهاء العمل بمعاهدة نيو ستارت عام 2026، لم تعُد هناك للمرة الأولى منذ سبعينيات القرن الماضي "
                "أي قيود ملزمة قانونياً.",
                ("h2", "ما الذي لا يزال ممكناً"),
                "من غير المرجّح أن تنطلق مفاوضات رسمية قريباً، فيما ترفض الصين الانضمام إلى محادثات بشروط تضعها "
                "القوتان الأخريان. لكن خطوات غير رسمية تبقى ممكنة: ضبط متبادل للنفس في نشر الأسلحة، والإخطار "
                "المسبق بتجارب الصواريخ، وحوار عسكري منتظم.",
                "صحيح أن هذه التدابير أضعف من المعاهدات، لكنها قادرة على الحدّ من خطر سوء التقدير في أوقات الأزمات.",
                ("h2", "لماذا يهمّ ذلك"),
                "أما البديل فهو سباق تسلّح بلا قواعد بين ثلاث قوى نووية، وسيكون أعلى كلفة وأشدّ خطراً بكثير من "
                "النظام المنقوص الذي سيحلّ محلّه.",
            ],
        ),
    ),
    work(
        original(
            "demo-global-ai-rules",
            title="Who Writes the Rules for Artificial Intelligence?",
            dek=(
                "The EU legislates, the United States relies on industry and China regulates by sector. Much of the "
                "world will choose among their models."
            ),
            date=datetime.date(2025, 9, 9),
            center=GLOBAL,
            authors=["Priya Raghunathan"],
            regions=["United States", "India"],
            topics=["Artificial Intelligence", "Technology", "Global Governance"],
            programs=["Technology and International Affairs Program"],
            paragraphs=[
                "Governments everywhere agree that artificial intelligence needs rules. They disagree on who should "
                "write them and what they should protect.",
                "The EU has adopted a comprehensive law based on risk. The United States has relied mostly on "
                "voluntary commitments from companies, and China has issued targeted rules for algorithms and "
                "generative AI.",
                "Countries such as India, Brazil and Indonesia are watching closely. Their choices will shape "
                "whether AI governance converges or splits into blocs.",
                "International cooperation will matter most where the risks cross borders: safety testing of the "
                "most capable models, and the use of AI in weapons.",
            ],
        ),
        edition(
            "zh-hans",
            LIU,
            days=4,
            title="谁来制定人工智能规则？",
            dek="欧盟立法监管，美国依靠业界自律，中国分领域监管。世界上许多国家将在这些模式之间作出选择。",
            paragraphs=[
                "世界各国政府都认同人工智能需要规则，但在由谁来制定规则、规则应保护什么这两个问题上存在分歧。",
                "欧盟通过了一部以风险分级为基础的综合性法律；美国主要依靠企业的自愿承诺；中国则针对算法和生成式人工智能出台了专门规定。",
                "印度、巴西和印尼等国正在密切关注。它们的选择将决定人工智能治理是走向趋同，还是分裂为不同阵营。",
                "国际合作在风险跨越国界的领域最为重要：对能力最强的模型进行安全测试，以及人工智能在武器中的应用。",
            ],
        ),
        edition(
            "ru",
            OLGA,
            days=6,
            title="Кто пишет правила для искусственного интеллекта?",
            dek=(
                "ЕС принимает законы, США полагаются на саму индустрию, Китай регулирует отрасль за отраслью. "
                "Большинству стран мира предстоит выбирать между этими моделями."
            ),
            paragraphs=[
                "Правительства во всем мире согласны, что искусственному интеллекту нужны правила. Расходятся они в "
                "том, кто должен их писать и что они должны защищать.",
                "ЕС принял всеобъемлющий закон, основанный на оценке рисков. США в основном полагаются на "
                "добровольные обязательства компаний, а Китай ввел точечные правила для алгоритмов и генеративного "
                "ИИ.",
                "Такие страны, как Индия, Бразилия и Индонезия, внимательно следят за происходящим. От их выбора "
                "зависит, сблизятся ли подходы к регулированию ИИ или мир расколется на блоки.",
                "Международное сотрудничество важнее всего там, где риски пересекают границы: в проверке "
                "безопасности самых мощных моделей и в применении ИИ в вооружениях.",
            ],
        ),
    ),
    work(
        original(
            "demo-global-climate-finance",
            title="Climate Finance After the Pledges",
            dek=(
                "Rich countries promised far more money for climate action. Delivering it will depend on "
                "development banks and private capital."
            ),
            date=datetime.date(2025, 11, 25),
            center=GLOBAL,
            authors=["Daniel Abernathy"],
            regions=["Gulf", "United States"],
            topics=["Climate", "Energy", "Economy"],
            programs=["Sustainability, Climate, and Geopolitics Program"],
            paragraphs=[
                "At the latest climate summit, developed countries committed to mobilizing hundreds of billions of "
                "dollars a year for developing economies.",
                "Public budgets alone will not supply that sum. Much of it will have to come through multilateral "
                "development banks and private investors willing to take on risk.",
                "Gulf states and China, large emitters with deep pockets, are under growing pressure to contribute, "
                "though both insist they are not donors in the traditional sense.",
                "The credibility of the whole process rests on whether the money arrives, and whether it reaches "
                "the countries that need it most.",
            ],
        ),
        edition(
            "ar",
            RANIA,
            days=3,
            title="تمويل المناخ بعد التعهّدات",
            dek=(
                "وعدت الدول الغنية بأموال أكبر بكثير للعمل المناخي، لكن الوفاء بها سيعتمد على بنوك التنمية ورأس "
                "المال الخاص."
            ),
            paragraphs=[
                "في قمة المناخ الأخيرة، تعهّدت الدول المتقدّمة بحشد مئات المليارات من الدولارات سنوياً لصالح "
                "الاقتصادات النامية.",
                "ولن تكفي الموازنات العامة وحدها لتوفير هذا المبلغ، إذ سيتعيّن أن يأتي جزء كبير منه عبر بنوك "
                "التنمية المتعدّدة الأطراف والمستثمرين من القطاع الخاص المستعدّين لتحمّل المخاطر.",
                "وتتعرّض دول الخليج والصين، وهي من كبار مُصدِري الانبعاثات وتملك موارد مالية ضخمة، لضغوط متزايدة "
                "للمساهمة، مع أن كلتيهما تؤكّد أنها ليست من المانحين بالمعنى التقليدي.",
                "وتتوقّف مصداقية هذه العملية برمّتها على وصول الأموال فعلاً، وعلى بلوغها البلدان الأشدّ حاجة إليها.",
            ],
        ),
        edition(
            "zh-hans",
            LIU,
            days=5,
            title="承诺之后的气候融资",
            dek="富裕国家承诺为气候行动提供多得多的资金。能否兑现，将取决于开发银行和私人资本。",
            paragraphs=[
                "在最近一届气候峰会上，发达国家承诺每年为发展中经济体筹集数千亿美元。",
                "仅靠公共预算无法筹足这笔资金。其中很大一部分将不得不通过多边开发银行以及愿意承担风险的私人投资者来提供。",
                "海湾国家和中国既是排放大户，又财力雄厚，正面临越来越大的出资压力，尽管双方都坚称自己并非传统意义上的捐助方。",
                "整个进程的公信力取决于资金能否真正到位，以及能否送达最需要的国家。",
            ],
        ),
    ),
    work(
        original(
            "demo-india-gulf-corridor",
            title="India’s Corridor to the Gulf",
            dek=(
                "New Delhi sees the India–Middle East–Europe Economic Corridor as a way to deepen ties with the "
                "Gulf. War in the region has slowed it down."
            ),
            date=datetime.date(2025, 6, 17),
            center=INDIA,
            authors=["Farah Siddiqui"],
            regions=["South Asia", "Gulf"],
            topics=["Trade", "Foreign Policy"],
            paragraphs=[
                "Announced in 2023, the India–Middle East–Europe Economic Corridor promised to link Indian ports to "
                "the Gulf by sea, and the Gulf to Europe by rail.",
                "For India, the project fits a broader strategy: the Gulf is already home to nearly nine million "
                "Indian workers and is one of its largest sources of energy and investment.",
                "The war in Gaza and tensions in the Red Sea have delayed the corridor’s most ambitious parts, but "
                "India and the United Arab Emirates have pressed ahead with port, customs and digital links.",
                "Even if the full route takes years, the partnership it has encouraged is already reshaping India’s "
                "place in the region.",
            ],
        ),
        edition(
            "ar",
            KARIM,
            days=3,
            title="ممرّ الهند إلى الخليج",
            dek=(
                "ترى نيودلهي في الممرّ الاقتصادي بين الهند والشرق الأوسط وأوروبا وسيلةً لتعميق علاقاتها مع الخليج، "
                "غير أن الحرب في المنطقة أبطأت تقدّمه."
            ),
            paragraphs=[
                "أُعلن عن الممرّ الاقتصادي بين الهند والشرق الأوسط وأوروبا عام 2023، واعداً بربط الموانئ الهندية "
                "بالخليج بحراً، والخليج بأوروبا بالسكك الحديدية.",
                "وبالنسبة إلى الهند، ينسجم المشروع مع استراتيجية أوسع، إذ يقيم في الخليج نحو تسعة ملايين عامل "
                "هندي، وهو من أكبر مصادرها للطاقة والاستثمار.",
                "وقد أخّرت الحرب في غزة والتوترات في البحر الأحمر أكثر أجزاء الممرّ طموحاً، لكن الهند والإمارات "
                "العربية المتحدة مضتا قدماً في مشاريع الربط عبر الموانئ والجمارك والأنظمة الرقمية.",
                "وحتى لو استغرق إنجاز المسار كاملاً سنوات، فإن الشراكة التي شجّع عليها تعيد بالفعل تشكيل موقع الهند "
                "في المنطقة.",
            ],
        ),
    ),
    work(
        original(
            "demo-europe-ukraine-reconstruction",
            title="Europe’s Stake in Ukraine’s Reconstruction",
            dek=(
                "Rebuilding Ukraine will be the largest project on the EU’s agenda. It should start before the war "
                "ends."
            ),
            date=datetime.date(2025, 7, 8),
            center=EUROPE,
            authors=["Tomasz Wierzbicki"],
            regions=["Ukraine", "Central Europe"],
            topics=["EU", "Economy", "Security"],
            projects=["Strategic Europe"],
            paragraphs=[
                "Ukraine’s damage from the war runs into the hundreds of billions of euros, and it grows every month.",
                "The EU has already committed large sums through the Ukraine Facility, tying them to reforms that "
                "also prepare the country for membership.",
                "Central European states, closest to Ukraine and most exposed to the war, have the most to gain from "
                "a reconstruction that creates jobs and supply chains on both sides of the border.",
                "Waiting for a ceasefire would waste time that Ukraine does not have. Energy, housing and transport "
                "can be rebuilt now, where it is safe to do so.",
            ],
        ),
        edition(
            "ru",
            ANTON,
            title="Интерес Европы в восстановлении Украины",
            dek=(
                "Восстановление Украины станет крупнейшим проектом в повестке ЕС. Начинать его нужно, не дожидаясь "
                "окончания войны."
            ),
            paragraphs=[
                "Ущерб, нанесенный Украине войной, исчисляется сотнями миллиардов евро и растет с каждым месяцем.",
                "ЕС уже выделил крупные суммы через Фонд для Украины, увязав их с реформами, которые одновременно "
                "готовят страну к членству.",
                "Больше всего от восстановления, создающего рабочие места и производственные цепочки по обе стороны "
                "границы, выиграют страны Центральной Европы — ближайшие соседи Украины, сильнее других затронутые "
                "войной.",
                "Ожидание перемирия означало бы потерю времени, которого у Украины нет. Энергетику, жилье и "
                "транспорт можно восстанавливать уже сейчас — там, где это безопасно.",
            ],
        ),
    ),
    work(
        original(
            "demo-california-chips-asia",
            title="California’s Chip Industry Still Runs Through Asia",
            dek=(
                "Export controls and subsidies aim to bring semiconductor production home. Silicon Valley’s supply "
                "chains tell a more complicated story."
            ),
            date=datetime.date(2025, 10, 28),
            center=CALIFORNIA,
            authors=["Caleb Ishikawa"],
            regions=["United States", "East Asia"],
            topics=["Technology", "Trade"],
            paragraphs=[
                "California designs many of the world’s most advanced chips, but very few of them are made in the "
                "state.",
                "Fabrication happens mostly in Taiwan and South Korea, and assembly and testing across Southeast "
                "Asia, while China remains a major customer for the equipment California firms sell.",
                "Federal subsidies are building new factories in Arizona, Texas and Ohio. Export controls, "
                "meanwhile, limit what companies can sell to China.",
                "For California’s firms, the result is a balancing act between national security policy and markets "
                "they cannot easily replace.",
            ],
        ),
        edition(
            "zh-hans",
            CHEN,
            days=5,
            title="加州芯片产业仍离不开亚洲",
            dek="出口管制和补贴旨在让半导体生产回流美国，但硅谷的供应链呈现出更为复杂的图景。",
            paragraphs=[
                "全球许多最先进的芯片都由加州设计，但真正在加州制造的却寥寥无几。",
                "晶圆制造主要在台湾和韩国完成，封装测试则分布在东南亚各地；与此同时，中国仍是加州企业所售设备的主要买家。",
                "联邦补贴正在亚利桑那州、得克萨斯州和俄亥俄州兴建新工厂；而出口管制则限制了企业对华销售的范围。",
                "对加州企业而言，结果就是要在国家安全政策与难以替代的市场之间寻求平衡。",
            ],
        ),
    ),
    work(
        original(
            "demo-global-protests-this-year",
            title="What This Year’s Protests Had in Common",
            dek=(
                "From Nepal to Kenya and Peru, young protesters took on corruption and the cost of living, often "
                "organized online and without leaders."
            ),
            date=datetime.date(2025, 12, 30),
            center=GLOBAL,
            authors=["Gabriela Ríos Montenegro"],
            regions=["Latin America", "South Asia", "East Africa"],
            topics=["Democracy", "Civil Society"],
            programs=["Democracy, Conflict, and Governance Program"],
            projects=["Global Protest Tracker"],
            paragraphs=[
                "This year, antigovernment protests toppled or shook governments on several continents, from Nepal "
                "and Madagascar to Kenya and Peru.",
                "The causes varied, but a pattern emerged: young people angered by corruption, unemployment and "
                "rising prices, mobilized through social media rather than parties or unions.",
                "Their leaderless organization made the protests hard to suppress, but also hard to turn into "
                "lasting political change.",
                "Governments that respond only with force or with cabinet reshuffles are likely to see the crowds "
                "return.",
            ],
        ),
        edition(
            "ar",
            RANIA,
            days=4,
            title="ما الذي جمع احتجاجات هذا العام؟",
            dek=(
                "من نيبال إلى كينيا والبيرو، واجه محتجّون شباب الفسادَ وغلاء المعيشة، وكثيراً ما نظّموا صفوفهم عبر "
                "الإنترنت ومن دون قادة."
            ),
            paragraphs=[
                "هذا العام، أطاحت احتجاجات مناهضة للحكومات بحكومات أو زعزعتها في قارات عدّة، من نيبال ومدغشقر إلى "
                "كينيا والبيرو.",
                "تعدّدت الأسباب، لكن نمطاً مشتركاً برز: شباب أغضبهم الفساد والبطالة وارتفاع الأسعار، تعبّأوا عبر "
                "وسائل التواصل الاجتماعي لا عبر الأحزاب أو النقابات.",
                "وقد جعل غياب القيادة هذه الاحتجاجات عصيّة على القمع، لكنه جعل تحويلها إلى تغيير سياسي دائم أمراً "
                "صعباً أيضاً.",
                "أما الحكومات التي لا تردّ إلا بالقوة أو بتعديلات وزارية، فمن المرجّح أن ترى الحشود تعود إلى الشوارع.",
            ],
        ),
        edition(
            "ru",
            OLGA,
            days=5,
            title="Что объединяло протесты этого года",
            dek=(
                "От Непала до Кении и Перу молодые протестующие выступали против коррупции и дороговизны, часто "
                "организуясь в интернете и без лидеров."
            ),
            paragraphs=[
                "В этом году антиправительственные протесты свергли или пошатнули правительства на нескольких "
                "континентах — от Непала и Мадагаскара до Кении и Перу.",
                "Причины были разными, но прослеживалась общая закономерность: молодые люди, возмущенные коррупцией, "
                "безработицей и ростом цен, мобилизовались через социальные сети, а не через партии или профсоюзы.",
                "Отсутствие лидеров затрудняло подавление протестов, но и мешало превратить их в долгосрочные "
                "политические перемены.",
                "Правительства, которые отвечают лишь силой или перестановками в кабинете, скорее всего, снова "
                "увидят толпы на улицах.",
            ],
        ),
    ),
    work(
        original(
            "demo-global-sahel-juntas",
            title="The Sahel’s Juntas Have Not Delivered Security",
            dek=(
                "Military rulers in Mali, Burkina Faso and Niger promised to defeat jihadist groups. Violence has "
                "spread instead."
            ),
            date=datetime.date(2026, 1, 13),
            center=GLOBAL,
            authors=["Ousmane Kaboré"],
            regions=["Sahel"],
            topics=["Security", "Conflict and Peacebuilding"],
            programs=["Africa Program"],
            paragraphs=[
                "The soldiers who seized power in Mali, Burkina Faso and Niger justified their coups by the failure "
                "of civilian governments to stop jihadist violence.",
                "Years later, attacks have grown more frequent and more deadly, and armed groups now threaten towns "
                "and supply routes once considered safe.",
                "The juntas expelled French forces and turned to Russian contractors, but the new partners have "
                "brought abuses against civilians rather than stability.",
                "Neighbors along the coast of West Africa are now exposed, and the region’s security problem is "
                "becoming harder to contain.",
            ],
        ),
        edition(
            "ar",
            KARIM,
            days=3,
            title="المجالس العسكرية في الساحل لم تحقّق الأمن",
            dek=(
                "وعد الحكّام العسكريون في مالي وبوركينا فاسو والنيجر بهزيمة الجماعات الجهادية، لكن العنف اتّسع "
                "بدلاً من ذلك."
            ),
            paragraphs=[
                "برّر العسكريون الذين استولوا على السلطة في مالي وبوركينا فاسو والنيجر انقلاباتهم بفشل الحكومات "
                "المدنية في وقف العنف الجهادي.",
                "وبعد سنوات، باتت الهجمات أكثر تواتراً وأشدّ فتكاً، وأصبحت الجماعات المسلحة تهدّد مدناً وطرق إمداد "
                "كانت تُعدّ آمنة في ما مضى.",
                "وقد طردت المجالس العسكرية القوات الفرنسية واستعانت بمتعاقدين روس، غير أن الشركاء الجدد جلبوا "
                "انتهاكات بحقّ المدنيين بدلاً من الاستقرار.",
                "وباتت الدول المجاورة على ساحل غرب أفريقيا مكشوفة، فيما يزداد احتواء المشكلة الأمنية في المنطقة صعوبة.",
            ],
        ),
    ),
]

# Everything above, originals before their editions, in the shape of data.CURATED.
PIECES = [
    piece
    for works in (CURATED_WORKS, MIDDLE_EAST_WORKS, ARABIC_WORKS, RUSSIA_WORKS, CHINA_WORKS, GLOBAL_WORKS)
    for pieces_of_work in works
    for piece in pieces_of_work
]
