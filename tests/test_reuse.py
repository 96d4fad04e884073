"""Text reuse: normalization, each relation on hand-made article pairs, false positives,
the seeds' shared wire paragraphs, exact/index agreement, originality and quote fidelity."""
import math
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings, strategies as st

from analysis import boilerplate as B
from analysis import corpus as C
from analysis import reuse
from analysis.paths import SEEDS

# Background sentences on the same story (they share its topic words), so that rarity weights
# behave as in a real corpus: "Hikvision", "Canada" and "national security" are common here.
BACKGROUND = [
    "Hikvision said Canada's decision was driven by politics and not by national security.",
    "Officials in Canada said the national security review of Hikvision took several months.",
    "The Hikvision cameras are widely used in shops and offices across Canada.",
    "Critics said Canada acted late on Hikvision and other national security risks.",
    "Hikvision has an office in Toronto and employs staff across Canada.",
    "The opposition asked whether national security agencies had briefed ministers about Hikvision.",
    "Canada has reviewed several Chinese firms on national security grounds this year.",
    "Analysts expect Hikvision to keep selling cameras through distributors outside Canada.",
]


def build(articles: dict[str, list[str]]) -> tuple[pd.DataFrame, dict[str, str]]:
    """Content sentences (one paragraph per list item, blank-line separated) and the raw texts."""
    return content_of({a: "\n\n".join(paragraphs) for a, paragraphs in articles.items()})


def content_of(texts: dict[str, str]) -> tuple[pd.DataFrame, dict[str, str]]:
    """Every sentence of the texts as body content (independent of the boilerplate stage)."""
    rows = []
    for article, raw in texts.items():
        parsed = C.parse_article(article, raw)
        first_line = {p[1]: p[2] for p in parsed["paragraphs"]}
        for _, sentence, paragraph, start, end, text in parsed["sentences"]:
            rows.append((article, sentence, paragraph, first_line[paragraph], start, end, text, "body"))
    content = pd.DataFrame(rows, columns=["article_id", "sentence", "paragraph", "line", "start", "end", "text", "role"])
    return content, texts


def pair_corpus(a: str, b: str) -> tuple[pd.DataFrame, dict[str, str]]:
    return build({"a1": [a] + BACKGROUND[:4], "b1": BACKGROUND[4:] + [b]})


def rows_between(table: pd.DataFrame, texts, needle_a: str, needle_b: str) -> pd.DataFrame:
    """Rows whose a-side contains needle_a and b-side needle_b (either orientation)."""
    hits = []
    for row in table.itertuples():
        ta = texts[row.article_a][row.start_a:row.end_a]
        tb = texts[row.article_b][row.start_b:row.end_b]
        if (needle_a in ta and needle_b in tb) or (needle_a in tb and needle_b in ta):
            hits.append(row.Index)
    return table.loc[hits]


# --- normalization -------------------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("The U.S. firm’s 1,000 cameras", ["the", "usa", "firm", "1000", "cameras"]),
    ("US sanctions hit us", ["usa", "sanctions", "hit", "us"]),
    ("Mélanie Joly's multi-step review", ["melanie", "joly", "multi", "step", "review"]),
    ("worth RM340 million, not FORM3", ["worth", "rm", "340", "million", "not", "form3"]),   # a currency code
    ("", []),
    ("— “ ” …", []),
])
def test_tokens(text, expected):
    assert reuse.tokens(text) == expected


@pytest.mark.parametrize("word, expected", [
    ("companies", "company"), ("sanctions", "sanction"), ("operating", "operat"), ("operate", "operat"),
    ("documented", "document"), ("stopped", "stop"), ("denied", "deny"), ("denies", "deny"),
    ("status", "status"), ("business", "business"), ("the", "the"), ("2023", "2023"),
    # -oes and -ses plurals, and short words that are no inflection
    ("echoes", "echo"), ("vetoes", "veto"), ("buses", "bus"), ("focuses", "focus"), ("taxes", "tax"),
    ("thing", "thing"), ("brings", "bring"), ("shed", "shed"), ("needs", "need"), ("feed", "feed"),
    # British and American spellings read alike
    ("cancelled", "cancel"), ("canceled", "cancel"), ("travellers", "traveler"), ("travelers", "traveler"),
    ("installed", "instal"), ("install", "instal"), ("apologised", "apologiz"), ("apologizing", "apologiz"),
    ("analyse", "analyz"), ("analyzed", "analyz"), ("organisations", "organization"), ("organization", "organization"),
])
def test_stem(word, expected):
    assert reuse.stem(word) == expected


@pytest.mark.parametrize("a, b", [
    ("world's biggest maker", "world's largest manufacturer"),
    ("terminated contracts", "exited contracts"),
    ("five subsidiaries", "5 subsidiaries"),
    ("the United States", "the U.S."),
    ("Uighur community", "Uyghur communities"),
    ("Oct. 8", "October 8"),
    ("firmly oppose", "strongly disagree"),
    # general paraphrase pairs of news copy (reuse_eval's rewrites)
    ("the lawyers for the plaintiffs", "the attorneys for the plaintiffs"),
    ("a minimum of 500", "at least 500"),
    ("its shares dropped", "its stock fell"),
    ("hackers stole the records", "attackers stole the records"),
    ("prices rose sharply", "prices increased sharply"),
    ("workers at the factory", "employees at the plant"),
    # general paraphrase pairs of news copy (reuse_eval4's rewrites)
    ("the regulator is investigating", "the regulator's investigation"),
    ("experts will look into the attack", "specialists will investigate the attack"),
    ("the regulator looks into complaints", "the regulator investigates complaints"),
    ("police are looking into the leak", "police are investigating the leak"),
    ("specialists looked into the breach", "specialists investigated the breach"),
    ("officials concluded that the cameras", "officials found that the cameras"),
    ("an initial hearing", "a first hearing"),
    ("must answer the application", "must respond to the application"),
    ("footage from sensitive sites", "footage from sensitive locations"),
    ("lost its export licence", "lost its export permit"),
    ("lost its export license", "lost its export permit"),
    ("on suspicion of fraud", "suspected of fraud"),
    ("a sanctioned buyer", "a sanctioned customer"),
    ("410,000 travellers", "410,000 passengers"),
    ("410,000 travelers", "410,000 passengers"),
    ("stole personal information", "stole personal data"),
    ("he said sorry to customers", "he apologised to customers"),
    ("he apologized to customers", "he apologised to customers"),
    ("staff believed they were helping", "staff thought they were helping"),
    ("owners are under no obligation to remove them", "owners are not required to remove them"),
    ("owners are not obliged to remove them", "owners are not required to remove them"),
    ("no court authorised the transfers", "no court approved the transfers"),
    ("no court authorized the transfers", "no court approved the transfers"),
    ("no prosecutor signed off on them", "no prosecutor approved them"),
    ("no prosecutor would sign off on them", "no prosecutor would approve them"),
    ("the minister signs off on the plan", "the minister approves the plan"),
    ("lodged a challenge in court", "filed a challenge in court"),
    ("reduced working hours", "cut working hours"),
    ("be wary of emails", "be suspicious of emails"),
    ("pulled its orders", "withdrew its orders"),
    ("handled by a separate provider", "handled by a different provider"),
    ("payments are processed by a bank", "payments are handled by a bank"),
    # general paraphrase pairs of news copy (reuse_eval5's rewrites)
    ("treated for minor injuries", "treated for small injuries"),
    ("collectors phoned their relatives", "collectors phoned their families"),
    ("collectors phoned their family members", "collectors phoned their families"),
    ("tents supplied by the council", "tents provided by the council"),
    ("a telephone line", "a phone line"),
    ("full wages", "full pay"),
    ("staff keep their salaries", "staff keep their pay"),
    ("payments to the hackers", "pay to the hackers"),
    ("an outstanding job", "an outstanding work"),
    ("the data had been misused", "the data had been abused"),
    ("inspectors discovered that", "inspectors found that"),
    ("without the court signing off on it", "without the court approving it"),
    ("without the distributors' approval", "without the distributors approving"),
    ("the removal of the cameras", "to remove the cameras"),
    ("four people needed treatment", "four people needed treating"),
    ("during their recovery", "while they recovered"),
    ("will give them their money back", "will give them a refund"),
    ("promised to pay back all fares", "promised to refund all fares"),
    ("all fares would be paid back", "all fares would be refunded"),
    ("the bank will repay customers", "the bank will refund customers"),
    ("passengers will be reimbursed", "passengers will be refunded"),
    ("a pair of tugboats", "2 of tugboats"),
    ("once the data had leaked", "once the data had been breached"),
    ("the order should be put on hold", "the order should be suspended"),
    ("the bill for the meters", "the cost of the meters"),
    ("swapping out the devices", "replacing out the devices"),
    ("the replacement of the devices", "replacing the devices"),
    # general newswire vocabulary (added while tuning on reuse_eval6; the pairs are not its sentences)
    ("driverless taxis", "self-driving taxis"),
    ("autonomous taxis", "self driving taxis"),
    ("the automobile market", "the car market"),
    ("electric vehicle sales", "electric car sales"),
    ("two automakers", "two carmakers"),
    ("capable of tracking users", "able to tracking users"),
    ("shipped overseas", "shipped abroad"),
    ("stored on computers outside the country", "stored on computers abroad"),
    ("most households", "most families"),
    ("the mayor acknowledged the delay", "the mayor admitted the delay"),
    ("the mayor conceded the delay", "the mayor admitted the delay"),
    ("the final ferry", "the last ferry"),
    ("flights departing late", "flights leaving late"),
    ("on Friday evening", "on Friday night"),
    ("a nationwide ban", "a national ban"),
    ("forecasters predict rain", "forecast predict rain"),
    ("local pupils", "local students"),
    ("a setback for the project", "a delay for the project"),
    ("the bridge was set back by a year", "the bridge was delayed by a year"),
    ("the flood sets back the harvest", "the flood delays the harvest"),
    ("a lot of farmers", "many farmers"),
    ("lots of farmers", "many farmers"),
    ("the majority of farmers", "farmers"),
    ("as many as 300 farmers", "300 farmers"),
    ("leave the building straight away", "leave the building immediately"),
    ("leave the building right away", "leave the building immediately"),
    ("repairs at no cost", "repairs free"),
    ("repairs free of charge", "repairs free"),
    ("the maker is calling back its kettles", "the maker is recalling its kettles"),
    ("the maker calls back its kettles", "the maker recalls its kettles"),
    ("the farming industry's trade body", "the farming industry association"),
    ("a trade group for farmers", "an association for farmers"),
])
def test_terms_normalize_synonyms_numbers_and_dates(a, b):
    assert [t for t, _ in reuse.terms(reuse.tokens(a))] == [t for t, _ in reuse.terms(reuse.tokens(b))]


@pytest.mark.parametrize("a, b", [
    ("two and a half million users", "2.5 million users"),
    ("2.5 million users", "2,500,000 users"),
    ("a $4m ransom", "a 4 million ransom"),
    ("a 4.6bn deal", "a 4.6 billion deal"),
    ("fifteen days", "15 days"),
    ("thirty-one drivers", "31 drivers"),
    ("eighty six drivers", "86 drivers"),
    ("sixty thousand fans", "60,000 fans"),
    ("a dozen eggs", "12 eggs"),
    # spelled out past a hundred or a thousand
    ("some four hundred and ten thousand devices", "some 410,000 devices"),
    ("three hundred and twelve passengers", "312 passengers"),
    ("nine hundred staff", "900 staff"),
    ("two million five hundred thousand users", "2,500,000 users"),
    ("one thousand and five claims", "1,005 claims"),
    ("twenty-two thousand homes", "22,000 homes"),
    # a time of day with its suffix
    ("docked before 7pm", "docked before seven"),
    ("left at 9.15am", "left at 9.15"),
    ("left at 10am", "left at ten"),
    # a time of day told by the clock
    ("left at a quarter past nine", "left at 9.15"),
    ("docked at half past seven", "docked at 7.30"),
    ("docked at a quarter to ten", "docked at 9.45"),
])
def test_terms_read_a_number_as_one_figure(a, b):
    read_a, read_b = ([t for t, _ in reuse.terms(reuse.tokens(text))] for text in (a, b))
    assert read_a == read_b
    assert sum(t[0].isdigit() for t in read_a) == 1      # one figure, not its pieces ("2", "half", "1000000")


@pytest.mark.parametrize("past, present", [
    ("found", "finds"), ("paid", "pays"), ("sold", "sells"), ("brought", "brings"), ("took", "takes"),
    ("written", "writes"), ("held", "holds"), ("lost", "loses"), ("went", "go"),
    ("the court found the insurer paid the hackers", "the court finds the insurer pays the hackers"),
])
def test_terms_read_an_irregular_past_as_its_verb(past, present):
    assert [t for t, _ in reuse.terms(reuse.tokens(past))] == [t for t, _ in reuse.terms(reuse.tokens(present))]


@pytest.mark.parametrize("form, word", [
    ("goes", "go"), ("going", "go"),                   # "go" is too short to strip: "goes" is not "goe"
    ("used", "use"), ("using", "use"), ("sued", "sue"), ("suing", "sue"), ("owed", "owe"), ("aged", "age"),
    ("died", "die"), ("dying", "die"), ("lying", "lie"), ("tied", "tie"), ("laid", "lay"), ("agreed", "agree"),
    ("crises", "crisis"), ("analyses", "analysis"),   # Greek plurals in -ses
    ("the insurer goes to court", "the insurer went to court"),
])
def test_terms_read_a_short_verb_or_a_plural_in_ses_as_its_word(form, word):
    assert [t for t, _ in reuse.terms(reuse.tokens(form))] == [t for t, _ in reuse.terms(reuse.tokens(word))]


def terms_of(text: str) -> list[str]:
    return [t for t, _ in reuse.terms(reuse.tokens(text))]


@pytest.mark.parametrize("text, expected", [
    ("three hundred and four hundred", ["300", "400"]),            # two figures: a hundreds after "and" is not added
    ("sixty thousand and one of them", ["60000", "1"]),            # "and one" after a scale is the pronoun
    ("two and three", ["2", "3"]),                                 # "and" joins numbers only after a scale
    ("1,000 and five", ["1000", "5"]),                              # ... written out
    ("a quarter to 10 percent", ["quarter", "10", "percent"]),     # no time of day
    ("the quarter to June", ["quarter", "jun"]),
    ("half to a third", ["half", "33.3", "percent"]),                # no time of day (a third last is a share)
    ("a third term", ["third", "term"]),                            # an ordinal, no share
    ("three in 2021, one in ten years", ["3", "2021", "1", "10", "year"]),   # no ratios
])
def test_terms_keep_numbers_apart_that_are_not_one_figure(text, expected):
    assert terms_of(text) == expected


@pytest.mark.parametrize("a, b", [
    ("orders worth RM340 million", "orders worth 340 million ringgit"),
    ("RM1.2 billion in sales", "sales of 1.2 billion ringgit"),
    ("a Rs500 crore deal", "a deal of 500 crore rupees"),
    ("Rp2 trillion", "2 trillion rupiah"),
    ("KSh2 billion", "2 billion shillings"),
    ("Sh2 billion", "2 billion shillings"),
])
def test_a_currency_code_before_its_figure_reads_as_the_currency(a, b):
    assert sorted(terms_of(a)) == sorted(terms_of(b))


@pytest.mark.parametrize("a, b", [
    ("within 120 days", "within four months"),
    ("28 days to respond", "four weeks to respond"),
    ("within 14 days", "within two weeks"),
    ("a 48-hour strike", "a two-day strike"),
    ("a 24-month sentence", "a two-year sentence"),
    ("twenty-four months", "two years"),
    ("eighteen months", "1.5 years"),
    ("thirty months", "two and a half years"),
    ("90 minutes", "1.5 hours"),
    ("two decades", "20 years"),
    ("in a year and a half", "in 18 months"),           # a unit and a half, no figure
    ("an hour and a half", "90 minutes"),
    ("a decade and a half", "15 years"),
])
def test_terms_read_a_length_of_time_in_its_coarsest_unit(a, b):
    assert terms_of(a) == terms_of(b)


@pytest.mark.parametrize("text, expected", [
    ("7 days", ["7", "day"]),                  # as 1 week it would be no figure
    ("24 hours", ["24", "hour"]),
    ("12 months", ["12", "month"]),
    ("one year", ["1", "year"]),
    ("a 45-year-old", ["45", "year", "old"]),
    ("2.8 years", ["2.8", "year"]),            # never in a finer unit than written
    ("within a fortnight", ["within", "2"]),   # the figure of "within two weeks"
    ("a decade", ["10"]),
    ("two of the days", ["2", "day"]),         # a unit not right after the figure
    ("on March 14, days after the vote", ["march", "14", "day", "vot"]),    # a day of the month
])
def test_terms_keep_a_length_of_time_no_coarser_unit_reads_better(text, expected):
    assert terms_of(text) == expected


@pytest.mark.parametrize("a, b", [
    ("two-fifths of voters", "40 percent of voters"),
    ("three quarters of the crew", "75 percent of the crew"),
    ("a third of the budget", "33.3 per cent of the budget"),
    ("sales fell by a quarter", "sales fell by 25 percent"),
    ("one in four drivers", "25 percent of drivers"),
    ("one out of every eight homes", "12.5 percent of homes"),
    ("1 in 5 adults", "20 percent of adults"),
    ("half of the staff", "50 percent of the staff"),
])
def test_terms_read_a_share_as_its_percentage(a, b):
    assert terms_of(a) == terms_of(b)


@pytest.mark.parametrize("texts", [
    # shares and phrases across hyphens
    {"a": "Two-fifths of voters, a third of them and one in four drivers. Self-driving taxis fell by a "
          "quarter, one out of every eight homes. Half of the staff, a year and a half of work.",
     "b": "A third term, three in 2021 and one in ten years. The carmaker's trade body, 1 in 5 adults, "
          "nine in ten, half to a third."},
    # lengths of time and currency codes
    {"a": "The company has four months to complete the wind-up. Two and a half years later, 30 months on.",
     "b": "Within a fortnight, or 14 days, not 2 of the days. Orders worth RM340 million and RM1.2 billion.",
     "c": "Within forty-eight hours or two days. Two decades, 20 years, a decade, 7 days and 2.5 years.",
     "d": "Twenty-four months, or two and a half weeks, or 1.5 million hours. On March 14, days later.",
     "e": "At 7pm, 9.15am or 10.30pm, a quarter past nine, half past 7, a quarter to one, the quarter to "
          "June. A year and a half, an hour and a half-hour. Four hundred and ten thousand, three hundred "
          "and four hundred. Two million five hundred thousand and one thousand and five, sixty thousand "
          "and one of them."},
], ids=["shares_and_hyphens", "lengths_of_time_and_currencies"])
def test_corpus_reads_figures_and_phrases_as_terms_does(texts):
    content, _ = content_of(texts)
    corpus = reuse._Corpus(content)
    for i, text in enumerate(content["text"]):
        found = [corpus.term_names[t] for t in corpus._terms[corpus._term_bounds[i]:corpus._term_bounds[i + 1]]]
        assert sorted(found) == sorted(terms_of(text)), text


def test_synonym_table_is_well_formed():
    table = pd.read_csv(reuse.SYNONYMS_PATH, dtype=str, keep_default_na=False)
    assert list(table.columns) == ["term", "canonical", "example"]
    assert table["example"].str.len().gt(0).all()
    single, _ = reuse.load_synonyms()
    # Canonical terms do not map further: one step reaches the canonical form.
    assert all(single.get(c, c) == c for c in single.values())


# --- one hand-made pair per relation ------------------------------------------------------------

RELATION_CASES = [
    ("verbatim",
     "The company said its Canadian unit had filed a notice of application in federal court seeking a judicial review.",
     "The company said its Canadian unit had filed a notice of application in federal court seeking a judicial review."),
    ("verbatim",  # a trimmed copy: the shorter sentence is one unbroken run of the longer one
     "Hikvision declined to provide a copy of the notice of application filed in the federal court on Monday.",
     "Hikvision declined to provide a copy of the notice of application filed in the federal court."),
    ("near_verbatim",
     "The Chinese government has denied all allegations of human rights abuses in Xinjiang and has criticized companies.",
     "The Chinese government denies any allegations of human rights abuses in Xinjiang and has criticised some companies."),
    ("paraphrase",
     "The company, which describes itself as the world's biggest maker of video surveillance equipment, "
     "said last year it had exited contracts in Xinjiang through five subsidiaries.",
     "Hikvision, which claims to be the world's largest manufacturer of video surveillance equipment, "
     "announced that 5 of its subsidiaries had terminated contracts in Xinjiang last year."),
]


@pytest.mark.parametrize("relation, a, b", RELATION_CASES)
@pytest.mark.parametrize("method", ["exact", "index"])
def test_relation_of_hand_made_pair(relation, a, b, method):
    content, texts = pair_corpus(a, b)
    table, _, _ = reuse.align(content, method=method)
    found = rows_between(table, texts, a[:40], b[:40])
    assert len(found) == 1
    assert found.iloc[0]["relation"] == relation
    assert 0 < found.iloc[0]["similarity"] <= 1


UNRELATED_CASES = [
    # Share the story's topic words (Hikvision, Canada, national security) but not a fact.
    ("Their statement did not specify how Hikvision would harm Canada's national security.",
     "Hikvision's continued operations in Canada would be harmful to national security, officials said."),
    ("Hikvision has faced numerous sanctions by the United States over its dealings in Xinjiang.",
     "Hikvision has been identified in reports as linked to mass repression of Uyghurs in Xinjiang."),
    ("The Chinese foreign ministry said in late June it strongly opposed Canada's move.",
     "The Chinese Ministry of Foreign Affairs has not responded to a request for comment."),
    ("In 2022, the U.S. Federal Communications Commission barred the sale of new Hikvision equipment.",
     "Canada's national security review of Hikvision equipment found a risk, the minister said."),
    ("Leave a Reply", "Leave a Reply"),  # identical but too short to be evidence of reuse
]


@pytest.mark.parametrize("a, b", UNRELATED_CASES)
@pytest.mark.parametrize("method", ["exact", "index"])
def test_unrelated_passages_are_not_aligned(a, b, method):
    content, texts = pair_corpus(a, b)
    table, _, _ = reuse.align(content, method=method)
    assert rows_between(table, texts, a[:30], b[:30]).empty


def test_split_sentence_is_aligned_as_one_passage():
    a = ("The company, which describes itself as the world's biggest maker of video surveillance equipment, "
         "said last year it had exited contracts in Xinjiang through five subsidiaries added to a trade blacklist.")
    b = ("Hikvision claims to be the world's largest manufacturer of video surveillance equipment. The company said "
         "last year that five of its subsidiaries had terminated contracts in Xinjiang after a trade blacklist.")
    assert_joined(a, b, "world's biggest", "Hikvision claims")


def assert_joined(a: str, b: str, from_a: str, from_b: str) -> None:
    """One aligned passage between the two texts, holding both sentences of b."""
    content, texts = pair_corpus(a, b)
    table, _, _ = reuse.align(content)
    found = rows_between(table, texts, from_a, from_b)
    assert len(found) == 1
    row = found.iloc[0]
    side_b = texts[row.article_b][row.start_b:row.end_b] if row.article_b == "b1" else texts[row.article_a][row.start_a:row.end_a]
    assert side_b == b  # both sentences of b, joined


def test_a_split_half_with_words_of_its_own_joins_the_passage():
    # 0.46 of the second half's term weight is in the wire sentence (many, tourists, made, belonging are not)
    a = ("Kyma Ferries said on Thursday that hackers had broken into its online booking system and copied the "
         "personal data of about 410,000 passengers.")
    b = ("Hackers got into the online booking platform of Kyma Ferries, the company disclosed on Thursday. They made "
         "off with personal information belonging to roughly 410,000 travellers, many of them tourists.")
    assert_joined(a, b, a[:30], "Hackers got into")


MERGED_SOURCES = ["Dockworkers at the port of Valmora will walk out for three days from Monday in a dispute over night "
                  "shifts.",
                  "The harbour authority said cruise ships would be diverted to the nearby terminal at Porto Lenz.",
                  "It is the first strike at the Valmora docks since 1998."]
MERGED = ("The Valmora dockworkers will stage their first strike since 1998 when they walk out for three days from "
          "Monday over night shifts.")


@pytest.mark.parametrize("method", ["exact", "index"])
def test_a_sentence_merging_two_apart_is_aligned_with_both(method):
    # the merged sentence's two sources are paragraphs apart, so no passage joins them: each aligns on its own
    content, texts = build({"a1": MERGED_SOURCES + BACKGROUND[:4], "b1": BACKGROUND[4:] + [MERGED]})
    table, _, _ = reuse.align(content, method=method)
    for source in (MERGED_SOURCES[0], MERGED_SOURCES[2]):
        assert rows_between(table, texts, source[:30], MERGED[:30])["relation"].tolist() == ["paraphrase"]
    assert rows_between(table, texts, MERGED_SOURCES[1][:30], MERGED[:30]).empty


@pytest.mark.parametrize("method", ["exact", "index"])
def test_a_second_partner_restating_the_first_is_not_aligned(method):
    # the second wire sentence shares with the outlet's sentence only what the first already does
    first = MERGED_SOURCES[0]
    again = "The dispute over night shifts at the port of Valmora has led dockworkers to plan a three-day walkout."
    content, texts = build({"a1": [first, BACKGROUND[0], again] + BACKGROUND[1:4], "b1": BACKGROUND[4:] + [MERGED]})
    table, _, _ = reuse.align(content, method=method)
    assert len(rows_between(table, texts, first[:30], MERGED[:30])) == 1
    assert rows_between(table, texts, again[:30], MERGED[:30]).empty


@pytest.mark.parametrize("method", ["exact", "index"])
def test_a_second_partner_sharing_a_stock_phrase_only_is_not_aligned(method):
    # alone, the second pair would be a paraphrase (cosine 0.35): five terms the first partner lacks, one phrase
    first = "Almora regulators have been reviewing a request to fine Zentrix since last spring."
    other = ("Zentrix, whose couriers staged a sit-in outside its Lisbon headquarters in May, has rejected claims of "
             "unfair treatment of gig workers as baseless and politically motivated, a spokesman told the Lisbon "
             "press.")
    outlet = ("Almora regulators had been reviewing a request to fine Zentrix following claims of unfair treatment of "
              "gig workers.")
    content, texts = build({"a1": [first, MERGED_SOURCES[1], other] + BACKGROUND[:4], "b1": BACKGROUND[4:] + [outlet]})
    table, _, _ = reuse.align(content, method=method)
    assert rows_between(table, texts, first[:30], outlet[:30])["relation"].tolist() == ["paraphrase"]
    assert rows_between(table, texts, other[:30], outlet[:30]).empty


def test_each_sentence_aligned_once_per_other_article_and_offsets_trace():
    copy = "Canada said last year it was reviewing an application to impose sanctions against Chinese surveillance companies."
    content, texts = build({"a1": [copy, copy + " It gave no date."], "b1": [copy], "c1": [copy, "Something else entirely here."]})
    table, _, _ = reuse.align(content)
    assert (table["article_a"] < table["article_b"]).all()
    assert not table.duplicated(["article_a", "start_a", "article_b"]).any()
    assert not table.duplicated(["article_a", "article_b", "start_b"]).any()
    for row in table.itertuples():
        assert copy in texts[row.article_a][row.start_a:row.end_a] or texts[row.article_a][row.start_a:row.end_a] in copy
        assert texts[row.article_b][row.start_b:row.end_b].startswith(copy[:40])
    # b1's single copy pairs with exactly one sentence of a1 and one of c1; a1-c1 pair once too.
    assert sorted(zip(table.article_a, table.article_b)) == [("a1", "b1"), ("a1", "c1"), ("b1", "c1")]
    assert list(table.columns) == reuse.REUSE_COLUMNS


# --- the seeds -------------------------------------------------------------------------------------

def seeds_content() -> tuple[pd.DataFrame, dict[str, str]]:
    """Every seed sentence as body content (independent of the boilerplate stage)."""
    return content_of({path.stem: path.read_bytes().decode("utf-8") for path in sorted(SEEDS.glob("*.txt"))})


def line_span(texts, article: str, line: int) -> tuple[int, int]:
    _, start, end = C.T.split_lines(texts[article])[line - 1]
    return start, end


def covers(texts, table, a: str, la: int, b: str, lb: int) -> bool:
    """Whether some row aligns a passage overlapping seed `a` line `la` with one overlapping `b` line `lb`."""
    ids = {p.stem[:3]: p.stem for p in SEEDS.glob("*.txt")}
    (a, la), (b, lb) = sorted([(ids[a], la), (ids[b], lb)])
    sa, ea = line_span(texts, a, la)
    sb, eb = line_span(texts, b, lb)
    rows = table[(table.article_a == a) & (table.article_b == b)]
    return bool(((rows.start_a < ea) & (rows.end_a > sa) & (rows.start_b < eb) & (rows.end_b > sb)).any())


SEED_SHARED = [  # (article, line, article, line): the background paragraphs shared across outlets
    ("000", 19, "004", 3), ("000", 19, "001", 5), ("000", 19, "003", 23),           # US sanctions
    ("000", 21, "004", 12), ("000", 21, "001", 13), ("001", 13, "004", 12),         # biggest maker exits Xinjiang
    ("000", 23, "004", 15),                                                         # China denies abuses
    ("000", 27, "004", 14), ("000", 27, "001", 17), ("001", 17, "004", 14),         # Canada reviewing sanctions
    ("002", 21, "003", 19), ("000", 15, "004", 5), ("000", 15, "002", 21), ("000", 15, "001", 7),  # multi-step review
    ("003", 27, "004", 8), ("001", 11, "004", 8), ("001", 11, "003", 27),           # Hikvision's statement
    ("000", 11, "002", 9),                                                          # "we expect a fair process"
]
SEED_UNRELATED = [
    ("000", 19, "002", 25),   # sanctions vs mass-repression reports: share Hikvision, Uyghur, Xinjiang
    ("000", 17, "002", 17),   # statement did not specify vs FCC ban: share national security
    ("000", 25, "004", 11),   # ministry opposed vs ministry did not respond
    ("000", 17, "004", 4),    # "harm national security" in two different claims
    ("000", 19, "002", 27),
    ("003", 31, "000", 19),   # FBI malware warning
    ("002", 13, "004", 4),    # Hikvision: "have not endangered" national security / government: "would be harmful"
    ("003", 17, "004", 6),    # "could pose a threat" / the statement "did not ... specify" the threats
]


@pytest.fixture(scope="module")
def seeds_reuse():
    content, texts = seeds_content()
    table, spans, corpus = reuse.align(content)
    return content, texts, table


@pytest.mark.parametrize("a, la, b, lb", SEED_SHARED)
def test_seed_shared_paragraphs_are_aligned(seeds_reuse, a, la, b, lb):
    _, texts, table = seeds_reuse
    assert covers(texts, table, a, la, b, lb)


@pytest.mark.parametrize("a, la, b, lb", SEED_UNRELATED)
def test_seed_unrelated_passages_are_not_aligned(seeds_reuse, a, la, b, lb):
    _, texts, table = seeds_reuse
    assert not covers(texts, table, a, la, b, lb)


def test_seed_rows_are_traceable(seeds_reuse):
    content, texts, table = seeds_reuse
    starts = set(zip(content.article_id, content.start))
    ends = set(zip(content.article_id, content.end))
    for row in table.itertuples():
        assert (row.article_a, row.start_a) in starts and (row.article_a, row.end_a) in ends
        assert (row.article_b, row.start_b) in starts and (row.article_b, row.end_b) in ends
        assert row.relation in reuse.RELATIONS
        assert row.shared
    assert (table.article_a < table.article_b).all()


def test_exact_and_index_agree(seeds_reuse):
    content, _, exact = seeds_reuse
    index, _, _ = reuse.align(content, method="index")
    pd.testing.assert_frame_equal(exact, index)


def test_index_agrees_with_exact_on_hand_made_pairs():
    articles = {f"x{i}": [a] for i, (_, a, _) in enumerate(RELATION_CASES)}
    articles.update({f"y{i}": [b] for i, (_, _, b) in enumerate(RELATION_CASES)})
    articles["z"] = BACKGROUND
    content, _ = build(articles)
    exact, _, _ = reuse.align(content, method="exact")
    index, _, _ = reuse.align(content, method="index")
    assert len(exact) >= len(RELATION_CASES)
    pd.testing.assert_frame_equal(exact, index)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.one_of(
    st.text(alphabet=st.one_of(st.sampled_from("aZ9_ ,.'’-\u00a0é\u0301“—\x1e\ud800"), st.characters()), max_size=30),
    st.lists(st.sampled_from(["U.S.", "U.S", "1,000", "12,345,678", "1,0000", "don't", "l’état", "-", "x-ray", "e.g.",
                              "“Hi,”", "A.", "5.", ",", "'s", "—", "RM340", "R5", "FORM3", "KSh2bn"]),
                     max_size=8).map(" ".join),
).map(lambda t: t.replace("\n", " ").replace("\r", " ")), max_size=6))
def test_tokens_are_factorized_as_the_pattern_finds_them(texts):
    codes, tokens = reuse._factorized_tokens(texts)
    expected_codes, expected = pd.factorize(pd.Series(reuse._TOKEN_OR_BREAK_RE.findall("\n".join(texts)), dtype=object))
    assert tokens == list(expected) and codes.tolist() == expected_codes.tolist()


def test_unknown_method_is_an_error():
    content, _ = build({"a": ["One sentence here."]})
    with pytest.raises(ValueError):
        reuse.align(content, method="fast")


# --- originality -----------------------------------------------------------------------------------

def test_originality_shares_and_sources():
    shared = "The company said last year it had exited contracts in Xinjiang through five subsidiaries on a blacklist."
    own = "Our reporter visited the factory in Hangzhou and spoke to workers about their wages and hours."
    content, texts = build({"copy": [shared], "half": [shared, own], "none": BACKGROUND})
    content.loc[(content.article_id == "none") & (content.sentence == 1), "role"] = "headline"
    out = reuse.find_reuse(content, None, pd.DataFrame({"article_id": ["copy", "half", "none", "empty"]}), texts)
    orig = out["originality"].set_index("article_id")
    assert list(out["originality"].columns) == reuse.ORIGINALITY_COLUMNS
    assert orig.loc["copy", "originality_share"] == 0.0
    words_shared, words_own = C.T.count_words(shared), C.T.count_words(own)
    assert orig.loc["half", "originality_share"] == round(1 - words_shared / (words_shared + words_own), 3)
    assert orig.loc["half", "reused_from"] == "copy"
    assert orig.loc["none", "originality_share"] == 1.0
    assert orig.loc["none", "n_sentences"] == len(BACKGROUND) - 1   # headline excluded
    assert math.isnan(orig.loc["empty", "originality_share"]) and orig.loc["empty", "n_sentences"] == 0


def originality_one_by_one(corpus, spans, article_ids) -> list[tuple]:
    """originality's rows computed article by article from the aligned sentences (the reference)."""
    aligned = set()   # (body sentence, article it is aligned to)
    for side, other in ((spans[0], spans[1]), (spans[1], spans[0])):
        for row, partner in zip(side.tolist(), other[:, 0].tolist()):
            aligned.update((s, corpus.article_names[corpus.article_rank[partner]])
                           for s in row if s >= 0 and not corpus.headline[s])
    reused = {s for s, _ in aligned}
    sources: dict[str, dict[str, int]] = {}
    for s, other in aligned:
        words = sources.setdefault(corpus.article_names[corpus.article_rank[s]], {})
        words[other] = words.get(other, 0) + int(corpus.n_words[s])
    rows = []
    for article in sorted(set(article_ids) | set(corpus.by_article)):
        body = [s for s in corpus.by_article.get(article, []) if not corpus.headline[s]]
        total = sum(int(corpus.n_words[s]) for s in body)
        mine = [s for s in body if s in reused]
        found = [o for o, _ in sorted(sources.get(article, {}).items(), key=lambda kv: (-kv[1], kv[0]))]
        share = 1.0 - sum(int(corpus.n_words[s]) for s in mine) / total if total else float("nan")
        rows.append((article, len(body), len(mine), round(share, 3) if total else share,
                     "; ".join(found[:reuse.MAX_LISTED_SOURCES]), len(found)))
    return rows


@settings(max_examples=40, deadline=None)
@given(st.lists(st.lists(st.sampled_from(range(len(BACKGROUND) + 2)), min_size=1, max_size=5), min_size=2, max_size=7),
       st.lists(st.booleans(), min_size=7, max_size=7))
def test_originality_is_counted_as_article_by_article(picks, headlines):
    pool = BACKGROUND + ["Our reporter visited the factory in Hangzhou and spoke to workers about wages.",
                         "The company said it had exited contracts in Xinjiang through five subsidiaries."]
    content, texts = build({f"a{k}": [pool[i] for i in pick] for k, pick in enumerate(picks)})
    for k, headline in enumerate(headlines[:len(picks)]):
        if headline:
            content.loc[(content.article_id == f"a{k}") & (content.sentence == 1), "role"] = "headline"
    _, spans, corpus = reuse.align(content)
    ids = set(texts) | {"nothing"}
    expected = originality_one_by_one(corpus, spans, ids)
    out = reuse.originality(corpus, spans, ids)
    got = list(out.itertuples(index=False, name=None))
    assert len(got) == len(expected)
    for row, want in zip(got, expected):
        assert row[:3] == want[:3] and row[4:] == want[4:]
        assert (math.isnan(row[3]) and math.isnan(want[3])) or row[3] == want[3]


def may_grow_every_pair(corpus, xs, ys) -> np.ndarray:
    """_may_grow's test scored for every pair, with no pre-check (the reference)."""
    binary = corpus.type_term_matrix()
    weighted = reuse._scaled(binary, np.asarray(corpus.idf, dtype=np.float64))
    types, out = corpus.type, np.zeros(len(xs), dtype=bool)
    for side, other in ((xs, ys), (ys, xs)):
        for neighbour in (corpus.previous[side], corpus.next[side]):
            has = np.flatnonzero(neighbour >= 0)
            i, s, o = types[neighbour[has]], types[side[has]], types[other[has]]
            in_both = binary[i].multiply(binary[s])
            n_hits = reuse._rowdot(binary, binary, i, o) - np.asarray(in_both.multiply(binary[o]).sum(axis=1)).ravel()
            hit_weight = reuse._rowdot(binary, weighted, i, o) - np.asarray(in_both.multiply(weighted[o]).sum(axis=1)).ravel()
            new_weight = np.asarray(weighted[i].sum(axis=1)).ravel() - reuse._rowdot(binary, weighted, s, i)
            out[has[(n_hits >= 2) & (hit_weight >= reuse.MERGE_SHARE * new_weight - reuse._EPS)]] = True
    return out


@settings(max_examples=30, deadline=None)
@given(st.lists(st.lists(st.lists(st.sampled_from(range(len(BACKGROUND))), min_size=1, max_size=3).map(tuple),
                         min_size=1, max_size=3), min_size=2, max_size=4))
def test_may_grow_is_the_test_scored_for_every_pair(articles):
    content, _ = build({f"a{k}": [" ".join(BACKGROUND[i] for i in item) for item in items] for k, items in enumerate(articles)})
    _, _, corpus = reuse.align(content)
    rank = corpus.article_rank
    xs, ys = (np.array(v, dtype=np.int64) for v in zip(*[(x, y) for x in range(len(rank)) for y in range(len(rank))
                                                          if rank[x] < rank[y]] or [(0, 0)]))
    assert reuse._may_grow(corpus, xs, ys).tolist() == may_grow_every_pair(corpus, xs, ys).tolist()


@pytest.mark.parametrize("content", [
    pd.DataFrame(),
    pd.DataFrame(columns=["article_id", "sentence", "paragraph", "line", "start", "end", "text", "role"]),
    pd.DataFrame({"article_id": ["a", "b"], "text": [None, float("nan")]}),
    pd.DataFrame({"article_id": ["a", "b"], "sentence": [1, 1], "start": [0, 0], "end": [3, 3], "text": ["x", "x"]}),
])
def test_odd_input_does_not_crash(content):
    out = reuse.find_reuse(content, pd.DataFrame(), pd.DataFrame(), {"a": "x", "b": "x"})
    assert list(out["reuse"].columns) == reuse.REUSE_COLUMNS
    assert out["reuse"].empty
    assert set(out["originality"]["article_id"]) >= {"a", "b"}
    assert list(out["quote_fidelity"].columns) == reuse.FIDELITY_COLUMNS


# --- quote fidelity ----------------------------------------------------------------------------------

HIK_003 = ("We strongly disagree with this decision and view it with deep concern, as we believe it lacks a "
           "factual basis, procedural fairness, and transparency")
HIK_004 = ("We firmly oppose this decision and express serious concerns about it because we believe it lacks "
           "factual basis, procedural fairness and transparency.")
JOLY = ("This determination is the result of a multi-step review that assessed information and evidence "
        "provided by Canada’s security and intelligence community")


def quotes_table(rows) -> pd.DataFrame:
    out = []
    for k, (article, speaker, text, kind) in enumerate(rows):
        out.append((article, k + 1, 1, 10 * k, 10 * k + len(text), text, kind, "said", speaker, 0, 0, "person",
                    C.T.count_words(text)))
    return pd.DataFrame(out, columns=["article_id", "quote_id", "line", "start", "end", "text", "kind", "cue",
                                      "speaker", "speaker_start", "speaker_end", "speaker_type", "n_words"])


@pytest.mark.parametrize("a, b, fidelity", [
    (JOLY, JOLY, "identical"),
    (JOLY, JOLY.replace("’", "'") + ".", "identical"),
    (HIK_003, HIK_004, "reworded"),
    ("strongly disagrees", HIK_003, "trimmed"),
    (JOLY, "We will take every step to protect Canadians and their privacy", "different"),
])
def test_quote_similarity_labels(a, b, fidelity):
    similarity, found = reuse.quote_similarity(a, b)
    assert found == fidelity
    assert 0 <= similarity <= 1


def test_quote_fidelity_pairs_same_speaker_across_articles():
    quotes = quotes_table([
        ("003", "Hikvision", HIK_003, "direct"),
        ("004", "hikvision", HIK_004, "direct"),
        ("003", "Hikvision", "Through Canada's legal system, we expect a fair process", "direct"),
        ("004", "Hikvision", "urges the Canadian government to act based on facts", "partial"),  # matches nothing
        ("002", "Mélanie Joly", JOLY, "direct"),
        ("003", "Melanie Joly", JOLY, "direct"),
        ("003", "Joly", "take note of this decision", "partial"),
        ("004", "Joly", "take note of this decision and make their own choices accordingly", "partial"),
        ("001", "Hikvision", "factual basis", "term"),          # scare quotes: not a quote
        ("004", "Someone Else", HIK_004, "direct"),              # another speaker: never paired
    ])
    table = reuse.quote_fidelity(quotes)
    assert list(table.columns) == reuse.FIDELITY_COLUMNS
    got = sorted(zip(table.article_a, table.article_b, table.fidelity))
    # 002 has only the review quote for Joly, 004 only "take note": the best pair is still shown, as different;
    # Hikvision's unmatched quotes in 003 and 004 are not paired once a reworded pair exists.
    assert got == [("002", "003", "identical"), ("002", "004", "different"), ("003", "004", "reworded"),
                   ("003", "004", "trimmed")]
    hik = table[table.fidelity == "reworded"].iloc[0]
    assert (hik.quote_a, hik.quote_b) == (HIK_003, HIK_004)
    assert (hik.start_a, hik.end_a) == (0, len(HIK_003))
    assert set(table.speaker) == {"Hikvision", "Melanie Joly"}   # a full name names the speaker


def test_quote_fidelity_joins_a_name_with_its_title_and_never_calls_a_rewording_exact():
    quotes = quotes_table([
        ("one", "Harbourmaster Gareth Pryce", "Nobody is going out until the air is safe", "direct"),
        ("two", "Gareth Pryce", "Nobody is going out until the air is safe", "direct"),
        ("one", "Ann Lee", "We are very proud of the crews", "direct"),
        ("two", "Ann Lee", "We are proud of the crews", "direct"),
    ])
    table = reuse.quote_fidelity(quotes).set_index("speaker")
    assert table.at["Gareth Pryce", "fidelity"] == "identical"
    # "very" is no content term: every term is shared, but the wording is not the same
    assert table.at["Ann Lee", "fidelity"] == "reworded" and table.at["Ann Lee", "similarity"] < 1


def test_quote_fidelity_empty_and_provisional_tables():
    assert reuse.quote_fidelity(pd.DataFrame()).empty
    assert reuse.quote_fidelity(quotes_table([])).empty
    assert reuse.quote_fidelity(quotes_table([("a", "", "no speaker here at all", "direct"),
                                              ("b", "", "no speaker here at all", "direct")])).empty


# --- display helpers -------------------------------------------------------------------------------

def test_diff_markup_marks_changed_words_and_escapes():
    a, b = reuse.diff_markup("the world's biggest <maker>", "the world’s largest <maker>")
    assert a == "the world&#x27;s <del>biggest</del> &lt;maker&gt;"
    assert b == "the world’s <ins>largest</ins> &lt;maker&gt;"
    assert reuse.diff_markup("same words", "same words") == ("same words", "same words")


def test_reuse_matrix_is_symmetric():
    table = pd.DataFrame([("a", 1, "b", 1, 0, 1, 0, 1, "verbatim", 1.0, "x")] * 2, columns=reuse.REUSE_COLUMNS)
    matrix = reuse.reuse_matrix(table, ["a", "b", "c"])
    assert matrix.loc["a", "b"] == matrix.loc["b", "a"] == 2
    assert matrix.loc["c"].sum() == 0


# --- bounded output for passages and quotes shared by many articles --------------------------------

WIRE = "Canada said last year it was reviewing an application to impose sanctions against Chinese surveillance companies."


@pytest.mark.parametrize("n_copies", [2, reuse.MAX_PARTNERS + 1, reuse.MAX_PARTNERS + 2, 30])
def test_copies_in_many_articles_are_bounded_but_all_counted(n_copies):
    articles = {f"w{k:02d}": [WIRE, BACKGROUND[k % len(BACKGROUND)]] for k in range(n_copies)}
    content, texts = build(articles)
    out = reuse.find_reuse(content, None, pd.DataFrame({"article_id": list(articles)}), texts)
    table = out["reuse"][out["reuse"].start_a == 0]   # rows of the wire sentence (it opens each article)
    n_all = n_copies * (n_copies - 1) // 2
    partners = pd.concat([table.article_a, table.article_b]).value_counts()
    if n_copies <= reuse.MAX_PARTNERS + 1:
        assert len(table) == n_all                    # few copies: every pair
    else:
        assert len(table) < n_all                     # many copies: not every pair ...
        assert len(table) <= reuse.MAX_PARTNERS * n_copies
        assert (partners >= reuse.MAX_PARTNERS).all()   # ... but each copy has its best partners
    assert set(partners.index) == set(articles)       # every copy is aligned to some other article
    assert (table.relation == "verbatim").all()
    orig = out["originality"].set_index("article_id")
    words_wire = C.T.count_words(WIRE)
    for article in articles:
        own = C.T.count_words(BACKGROUND[int(article[1:]) % len(BACKGROUND)])
        assert orig.loc[article, "n_reused"] >= 1
        assert orig.loc[article, "originality_share"] <= round(1 - words_wire / (words_wire + own), 3)


def test_partners_prefer_the_most_similar_copy():
    edited = WIRE.replace("last year", "in 2024")
    articles = {f"v{k:02d}": [WIRE] for k in range(reuse.MAX_PARTNERS + 3)}
    articles["x_edited"] = [edited]
    articles["z"] = BACKGROUND
    content, texts = build(articles)
    table, _, _ = reuse.align(content, method="index")
    edited_rows = table[(table.article_a == "x_edited") | (table.article_b == "x_edited")]
    # The edited copy is a near-verbatim partner of every verbatim copy, but each verbatim copy
    # has enough verbatim partners: the edited one keeps only its own best k.
    assert len(edited_rows) == reuse.MAX_PARTNERS
    assert (edited_rows.relation == "near_verbatim").all()
    assert (table[~table.index.isin(edited_rows.index)].relation == "verbatim").all()


@pytest.mark.parametrize("a, b", [
    ("", ""), ("a", ""), ("a b c", "a b c"), ("a b c d", "d c b a"), ("a b a b a", "b a b"),
    ("the firm said it would appeal the order", "the firm would not appeal the order today"),
    (" ".join("abcdefghij" * 8), " ".join("jihgfedcba" * 7)),   # longer than 64 words
])
def test_common_subsequence_and_longest_run(a, b):
    wa, wb = a.split(), b.split()
    table = [[0] * (len(wb) + 1) for _ in range(len(wa) + 1)]
    runs = [[0] * (len(wb) + 1) for _ in range(len(wa) + 1)]
    for i, x in enumerate(wa):
        for j, y in enumerate(wb):
            table[i + 1][j + 1] = table[i][j] + 1 if x == y else max(table[i][j + 1], table[i + 1][j])
            runs[i + 1][j + 1] = runs[i][j] + 1 if x == y else 0
    assert reuse.common_subsequence(wa, wb) == reuse.common_subsequence(wb, wa) == table[-1][-1]
    assert reuse.longest_run(wa, wb) == max(max(r) for r in runs)


def test_speaker_quoted_in_many_articles_lists_matching_renderings_only():
    n = 4 * reuse.MAX_PARTNERS
    # One quote per article that shares no content word with any other: it pairs with nothing.
    fillers = [f"{w} {w}s {w}ed" for w in ("alpha beta gamma delta epsilon zeta theta kappa lambda sigma "
                                           "omega rho tau phi chi psi iota omicron upsilon eta").split()]
    rows = []
    for k in range(n):
        rows.append((f"q{k:02d}", "Hikvision", HIK_003 if k % 2 else HIK_004, "direct"))
        rows.append((f"q{k:02d}", "Hikvision", fillers[k], "direct"))
    table = reuse.quote_fidelity(quotes_table(rows))
    assert set(table.quote_a) | set(table.quote_b) == {HIK_003, HIK_004}
    assert len(table) and set(table.fidelity) <= {"identical", "reworded"}   # no "different" pairs listed
    assert set(table.article_a) | set(table.article_b) == {f"q{k:02d}" for k in range(n)}
    assert len(table) < n * (n - 1) // 2
    assert len(table) <= reuse.MAX_PARTNERS * n
    assert not table.duplicated(["article_a", "article_b", "start_a"]).any()
    assert (table.article_a < table.article_b).all()


# ---------------------------------------------------------------- the batch measures agree with the scalar ones

# Few distinct words, so sequences share many; lengths around the 64-word limit of the bit-parallel path.
_sequences = st.lists(st.lists(st.integers(0, 5), max_size=70), min_size=1, max_size=12)


@settings(max_examples=200, derandomize=True, deadline=None)
@given(_sequences, st.data())
def test_batch_measures_equal_the_pair_by_pair_ones(sequences, data):
    flat = np.array([w for s in sequences for w in s], dtype=np.int64)
    bounds = np.cumsum([0] + [len(s) for s in sequences])
    pairs = data.draw(st.lists(st.tuples(st.integers(0, len(sequences) - 1), st.integers(0, len(sequences) - 1)),
                               max_size=20))
    left, right = [a for a, _ in pairs], [b for _, b in pairs]
    assert reuse.common_subsequences(flat, bounds, left, right).tolist() == [
        reuse.common_subsequence(sequences[a], sequences[b]) for a, b in pairs]
    assert reuse.longest_runs(flat, bounds, left, right).tolist() == [
        reuse.longest_run(sequences[a], sequences[b]) for a, b in pairs]


def test_batch_measures_at_the_word_limit():
    # 63, 64 and 65 words: both sides of the 64-bit path and the fall-back for longer pairs.
    sequences = [[i % 7 for i in range(n)] for n in (63, 64, 65)] + [[i % 5 for i in range(64)]]
    flat = np.array([w for s in sequences for w in s], dtype=np.int64)
    bounds = np.cumsum([0] + [len(s) for s in sequences])
    pairs = [(a, b) for a in range(4) for b in range(4)]
    left, right = [a for a, _ in pairs], [b for _, b in pairs]
    assert reuse.common_subsequences(flat, bounds, left, right).tolist() == [
        reuse.common_subsequence(sequences[a], sequences[b]) for a, b in pairs]
    assert reuse.longest_runs(flat, bounds, left, right).tolist() == [
        reuse.longest_run(sequences[a], sequences[b]) for a, b in pairs]


# ---------------------------------------------------------------- quote fidelity: pruning the wording pairs

# Renderings of a few statements: slot words vary, so wordings repeat, are trimmed or reworded,
# and many pairs tie on similarity (the order among ties then decides the partners kept).
_STATEMENTS = ["we will {0} the order as soon as the law allows",
               "nobody consulted the {0} before the {1} was announced",
               "the {0} simply does not support the {1}"]
_SLOTS = ["review", "appeal", "firm", "court", "evidence", "ban", "decision"]
_renderings = st.builds(lambda s, a, b, cut: " ".join(_STATEMENTS[s].format(_SLOTS[a], _SLOTS[b]).split()[cut:]),
                        st.integers(0, 2), st.integers(0, 6), st.integers(0, 6), st.sampled_from([0, 0, 0, 2]))


def _speaker(articles: list[list[str]]) -> dict[str, list]:
    """One speaker's quote records by article, as `quote_fidelity` groups them."""
    return {f"a{n:02d}": [("kim", "Kim", f"a{n:02d}", text, 100 * k, 100 * k + len(text)) for k, text in enumerate(quotes)]
            for n, quotes in enumerate(articles)}


@settings(max_examples=150, derandomize=True, deadline=None)
@given(st.lists(st.lists(_renderings, min_size=1, max_size=4), min_size=reuse.MAX_PARTNERS + 2, max_size=14),
       st.integers(1, reuse.MAX_PARTNERS))
def test_pruned_wording_pairs_keep_every_quote_pair(articles, k):
    by_article = _speaker(articles)
    wordings = reuse._wordings(by_article)
    texts = [group[0][3] for group in wordings]
    every = next(reuse._matching_wordings([texts]))
    pruned = next(reuse._matching_wordings([texts], [reuse._link_counts(by_article, wordings, k)]))
    assert set(pruned) <= set(every)
    assert reuse._similar_quote_pairs(wordings, pruned, k) == reuse._similar_quote_pairs(wordings, every, k)


def test_pruning_drops_wording_pairs_no_quote_keeps():
    # One statement with many renderings, one per article: each keeps only its closest few.
    texts = [_STATEMENTS[0].format(a, "x") + " " + " ".join(_SLOTS[:n % 4]) for a in _SLOTS for n in range(4)]
    by_article = _speaker([[t] for t in texts])
    wordings = reuse._wordings(by_article)
    every = next(reuse._matching_wordings([[group[0][3] for group in wordings]]))
    pruned = next(reuse._matching_wordings([[group[0][3] for group in wordings]],
                                           [reuse._link_counts(by_article, wordings)]))
    assert len(pruned) < len(every) / 2
    assert reuse._similar_quote_pairs(wordings, pruned) == reuse._similar_quote_pairs(wordings, every)


def _similar_quote_pairs_as_written(wordings, matches, k=reuse.MAX_PARTNERS):
    """`reuse._similar_quote_pairs` as first written, quote tuples compared and hashed one by one."""
    scored = []
    for d, e, similarity, fidelity in matches:
        group_d, group_e = wordings[d], wordings[e]
        linked = set()
        for xs, ys in ((group_d, group_e), (group_e, group_d)):
            for x in xs:
                found = 0
                for y in ys:
                    if y[2] != x[2]:
                        linked.add((x, y) if (x[2], x[4]) < (y[2], y[4]) else (y, x))
                        found += 1
                        if found == k:
                            break
        scored.extend((-similarity, qa[2], qa[4], qb[2], qb[4], qa, qb, fidelity) for qa, qb in linked)
    partners, kept = {}, []
    for item in sorted(scored, key=lambda s: s[:5]):
        ka, kb = (item[5][2], item[5][4]), (item[6][2], item[6][4])
        if partners.get(ka, 0) < k or partners.get(kb, 0) < k:
            partners[ka] = partners.get(ka, 0) + 1
            partners[kb] = partners.get(kb, 0) + 1
            kept.append(item)
    by_pair = {}
    for neg, a, start_a, b, start_b, qa, qb, fidelity in kept:
        by_pair.setdefault((a, b), []).append((neg, start_a, start_b, qa, qb, fidelity))
    out = []
    for pair in sorted(by_pair):
        out.extend(reuse._matched_quotes(by_pair[pair]))
    return out


@settings(max_examples=200, derandomize=True, deadline=None)
@given(st.lists(st.lists(_renderings, min_size=1, max_size=4), min_size=reuse.MAX_PARTNERS + 2, max_size=14),
       st.integers(1, reuse.MAX_PARTNERS), st.randoms(use_true_random=False))
def test_similar_quote_pairs_as_first_written(articles, k, rnd):
    by_article = _speaker(articles)
    wordings = reuse._wordings(by_article)
    matches = next(reuse._matching_wordings([[group[0][3] for group in wordings]]))
    assert reuse._similar_quote_pairs(wordings, matches, k) == _similar_quote_pairs_as_written(wordings, matches, k)
    # Also with many ties and matches left out, as the pruning leaves them.
    tied = [(d, e, rnd.choice([1.0, 0.5, 0.5]) if d != e else 1.0, fidelity) for d, e, _, fidelity in matches
            if d == e or rnd.random() < 0.7]
    assert reuse._similar_quote_pairs(wordings, tied, k) == _similar_quote_pairs_as_written(wordings, tied, k)


def _matches_as_quote_similarity_finds_them(texts: list[str]) -> list[tuple]:
    """(d, e, similarity, fidelity) of every pair of wordings d <= e that `quote_similarity` does not
    call different and that share a stem, each wording with itself included: the reference reading."""
    expected = []
    for d in range(len(texts)):
        for e in range(d, len(texts)):
            similarity, fidelity = (1.0, "identical") if d == e else reuse.quote_similarity(texts[d], texts[e])
            if texts[d] and texts[e] and fidelity != "different" and (d == e or set(reuse._quote_view(texts[d])[3])
                                                                       & set(reuse._quote_view(texts[e])[3])):
                expected.append((d, e, similarity, fidelity))
    return expected


def test_matching_wordings_equal_quote_similarity():
    # Distinct wordings, as `_wordings` gives them.
    texts = list(dict.fromkeys(_STATEMENTS[s].format(a, b) for s in range(3) for a in _SLOTS[:3] for b in _SLOTS[3:5]))
    texts += ["", "ban"]
    assert next(reuse._matching_wordings([texts])) == _matches_as_quote_similarity_finds_them(texts)


_WORDS = ["the", "order", "ban", "court", "we", "will", "appeal", "the", "not", "firm", "firms", "review"]


@settings(max_examples=150, derandomize=True, deadline=None)
@given(st.lists(st.one_of(_renderings, st.lists(st.sampled_from(_WORDS), max_size=9).map(" ".join)),
                min_size=1, max_size=12))
def test_matching_wordings_equal_quote_similarity_on_any_wordings(texts):
    texts = list(dict.fromkeys(texts))
    assert next(reuse._matching_wordings([texts])) == _matches_as_quote_similarity_finds_them(texts)


# --- a hand-labelled holdout: three stories, four articles each (tests/fixtures/reuse_eval/) -------

REUSE_EVAL = Path(__file__).parent / "fixtures" / "reuse_eval"
REUSE_EVAL2 = Path(__file__).parent / "fixtures" / "reuse_eval2"
REUSE_EVAL3 = Path(__file__).parent / "fixtures" / "reuse_eval3"
REUSE_EVAL4 = Path(__file__).parent / "fixtures" / "reuse_eval4"
REUSE_EVAL5 = Path(__file__).parent / "fixtures" / "reuse_eval5"
REUSE_EVAL6 = Path(__file__).parent / "fixtures" / "reuse_eval6"
REUSE_EVAL7 = Path(__file__).parent / "fixtures" / "reuse_eval7"
REUSE_EVAL8 = Path(__file__).parent / "fixtures" / "reuse_eval8"


def _reuse_eval(folder: Path = REUSE_EVAL):
    loaded = C.load_corpus(folder, None)
    lines = B.label_lines(loaded.lines, B.furniture(loaded.texts))
    content = B.content_sentences(lines, loaded.sentences)
    ids = {Path(f).name: a for a, f in zip(loaded.articles["article_id"], loaded.articles["file"])}
    gold = pd.read_csv(folder / "gold.csv")
    return content, loaded.texts, gold.assign(article_a=gold["file_a"].map(ids), article_b=gold["file_b"].map(ids))


def test_holdout_pairs_keep_their_bar():
    """First run, untuned: precision 0.98, recall 0.54 (paraphrase 0.30), relation right 0.69 (a one-word
    edit was called verbatim). A bar below the score since (see the fixture's README)."""
    content, texts, gold = _reuse_eval()
    assert len(gold) == 90 and gold["article_a"].notna().all() and gold["article_b"].notna().all()
    summary = reuse.evaluate(content, texts, gold)["summary"].set_index(["task", "measure"])["value"]
    assert summary[("alignment", "precision")] >= 0.95, summary
    assert summary[("verbatim", "recall")] >= 0.9 and summary[("near_verbatim", "recall")] >= 0.9, summary
    assert summary[("paraphrase", "recall")] >= 0.6, summary   # 0.53 before the general synonym rows
    assert summary[("relation", "accuracy")] >= 0.95, summary


@pytest.mark.parametrize("folder, n_gold, bars", [
    # four more events. First run: precision 0.95, recall 0.52 (verbatim and near-verbatim 1.00, paraphrase 0.34),
    # relation right 0.92. Tuned on once reuse_eval3 existed (0.94, 0.65, paraphrase 0.52); with figures, pasts
    # and headlines read (0.98, 0.77, paraphrase 0.69); a shared figure lowering a five-fact rewrite's cosine (chosen on
    # all open sets): 0.98, 0.81, paraphrase 0.74.
    (REUSE_EVAL2, 153, {"precision": 0.95, "verbatim": 0.95, "paraphrase": 0.62, "relation": 0.9}),
    # four more events by another writer, files named by role. First run: precision 0.91, recall 0.64 (verbatim
    # and near-verbatim 1.00, paraphrase 0.51), relation right 0.94. Tuned on since (0.97, 0.83, paraphrase 0.76).
    (REUSE_EVAL3, 154, {"precision": 0.93, "verbatim": 0.95, "paraphrase": 0.7, "relation": 0.9}),
    # four more events by a third writer. First run: precision 0.94, recall 0.59 (verbatim 0.95, near-verbatim
    # 1.00, paraphrase 0.46), relation right 0.98; 0.97, 0.64 (paraphrase 0.53) after the fixes made on the other
    # three sets. Open to tuning once reuse_eval5 came; tuned on since (lengths of time and currency codes
    # respelled, three-term pairs, split halves joined at MERGE_SHARE 0.4, general synonym rows): precision 0.98,
    # recall 0.84 (verbatim and near-verbatim 1.00, paraphrase 0.78), relation right 0.99.
    (REUSE_EVAL4, 167, {"precision": 0.97, "verbatim": 0.95, "paraphrase": 0.77, "relation": 0.97}),
    # four more events by a fourth writer. First run: precision 0.96, recall 0.66 (verbatim and near-verbatim 1.00,
    # paraphrase 0.54), relation right 0.93; 0.96, 0.77 (paraphrase 0.69), 0.94 after the fixes made on reuse_eval4.
    # Open to tuning once reuse_eval4 was tuned on; tuned on since (synonym rows, "a year and a half", spelled-out
    # numbers, clock times, lengths of time within 5%, a shared opening going on to another fact, copies counted
    # on words as written): precision 1.00, recall 0.93 (verbatim and near-verbatim 1.00, paraphrase 0.90),
    # relation right 0.99.
    (REUSE_EVAL5, 151, {"precision": 0.98, "verbatim": 0.95, "paraphrase": 0.89, "relation": 0.97}),
    # four more events by a fifth writer. First run (30f236f): precision 0.97, recall 0.85 (verbatim and near-verbatim
    # 1.00, paraphrase 0.80), relation right 0.88 (respelled figures in copies are near-verbatim in its gold); 1.00
    # after the fixes made since. Tuned on since 09661e8 (general newswire synonym rows, phrases across hyphens,
    # shares as percentages, a merged sentence aligned with both sources apart): precision 0.971 -> 0.966, recall
    # 0.855 -> 0.933 (paraphrase 0.803 -> 0.910), relation right 1.00.
    (REUSE_EVAL6, 165, {"precision": 0.96, "verbatim": 0.99, "paraphrase": 0.9, "relation": 0.99}),
    # four more events by a sixth writer. First run (5673ecf): precision 0.92, recall 0.74 (verbatim
    # and near-verbatim 1.00, paraphrase 0.65), relation right 1.00; the same after the tuning on reuse_eval6. Studied
    # in round s20: a rise and a fall of a figure are no paraphrase (from two of its false pairs), precision 0.940.
    (REUSE_EVAL7, 153, {"precision": 0.9, "verbatim": 0.99, "paraphrase": 0.62, "relation": 0.97}),
    # four more events by a seventh writer; never tuned on. First run (74afdcb): precision 0.96, recall 0.76
    # (verbatim and near-verbatim 1.00, paraphrase 0.68), relation right 1.00.
    (REUSE_EVAL8, 152, {"precision": 0.94, "verbatim": 0.99, "paraphrase": 0.65, "relation": 0.97}),
], ids=["reuse_eval2", "reuse_eval3", "reuse_eval4", "reuse_eval5", "reuse_eval6", "reuse_eval7", "reuse_eval8"])
def test_later_holdouts_keep_their_bar(folder, n_gold, bars):
    content, texts, gold = _reuse_eval(folder)
    assert len(gold) == n_gold and gold["article_a"].notna().all() and gold["article_b"].notna().all()
    summary = reuse.evaluate(content, texts, gold)["summary"].set_index(["task", "measure"])["value"]
    assert summary[("alignment", "precision")] >= bars["precision"], summary
    assert summary[("verbatim", "recall")] >= bars["verbatim"], summary
    assert summary[("near_verbatim", "recall")] >= 0.95, summary
    assert summary[("paraphrase", "recall")] >= bars["paraphrase"], summary
    assert summary[("relation", "accuracy")] >= bars["relation"], summary


def test_a_one_word_edit_is_near_verbatim_not_verbatim():
    a = "The company blamed falling demand for combustion engines as drivers switch to electric vehicles."
    b = "The company blamed falling demand for combustion engines as buyers switch to electric vehicles."
    content, texts = pair_corpus(a, b)
    table, _, _ = reuse.align(content)
    assert rows_between(table, texts, a[:40], b[:40])["relation"].tolist() == ["near_verbatim"]


@pytest.mark.parametrize("relation, a, b", [
    # a phrase synonym is a changed word to the copy measures, as a word synonym is
    ("near_verbatim", "Shares in Varnek fell 7.5 percent in Singapore trading on Tuesday.",
     "Shares in Varnek fell 7.5 per cent in Singapore trading on Tuesday."),
    # a trimmed copy of seven words is all in the other sentence, unbroken
    ("verbatim", "Four passengers were treated for minor injuries.",
     "Four passengers were treated for minor injuries, and none needed hospital care."),
    # several words changed (word-sequence ratio 0.7): a rewrite, no longer a near-verbatim copy
    ("paraphrase", "The regulator said it had inspected the plant in January and ordered Harwick to reinforce two "
     "sections of the roof.",
     "Inspectors from the regulator had visited the plant in January and told Harwick to strengthen two parts of the roof."),
])
@pytest.mark.parametrize("method", ["exact", "index"])
def test_copy_relations_count_words_as_written(relation, a, b, method):
    assert relations_between(a, b, method) == [relation]


def test_evaluate_names_a_gold_sentence_missing_from_its_article():
    content, texts, gold = _reuse_eval()
    broken = gold.head(1).assign(sentence_a="Not a sentence of this article.")
    with pytest.raises(ValueError, match="Not a sentence"):
        reuse.evaluate(content, texts, broken)


def test_a_long_rewrite_sharing_six_terms_is_a_paraphrase():
    # six distinctive terms shared by two long sentences with a cosine between 0.33 and 0.35: a rewrite
    a = ("The decision was made following a thorough review of information provided by the country's security "
         "and intelligence community.")
    b = ("This determination is the result of a multi-step review that assessed information and evidence "
         "provided by the country's security and intelligence community, the minister said in a statement.")
    content, texts = pair_corpus(a, b)
    table, _, _ = reuse.align(content)
    assert rows_between(table, texts, a[:30], b[:30])["relation"].tolist() == ["paraphrase"]


@pytest.mark.parametrize("method", ["exact", "index"])
def test_a_rewrite_anchored_on_a_shared_figure_needs_less_cosine(method):
    # a figure and four more shared facts at cosine 0.27 (below LONG_PARAPHRASE_COSINE): the figure anchors the fact
    a = "Fourteen fishermen clinging to an overturned trawler off Kerrow Point were pulled from the sea on Sunday."
    b = ("Lifeboat crews rescued all 14 men from the capsized trawler near Kerrow Point on Sunday after a night in cold "
         "water and high winds.")
    assert relations_between(a, b, method) == ["paraphrase"]


@pytest.mark.parametrize("method", ["exact", "index"])
def test_a_rise_and_a_fall_of_one_figure_are_no_paraphrase(method):
    rose = "The operator said tram ridership climbed by 12 percent across the network in the first half of the year."
    fell = "Across its network, tram ridership fell 12 percent in the six months to June, the operator reported."
    assert relations_between(rose, fell, method) == []
    # guard: the same way on both sides is the same fact
    assert relations_between(rose, fell.replace("fell", "rose"), method) == ["paraphrase"]


@pytest.mark.parametrize("text, way", [
    ("Sales rose 5 percent", 1),
    ("Sales fell by a third", -1),
    ("Sales fell 2%, then rose 3%", 0),
    ("Sales fell", 0),                                           # no figure: which way is not told
    ("It falls well short of the 9 percent the union asked for", 0),   # the figure is too far from the verb
])
def test_direction(text, way):
    assert reuse.direction(reuse.tokens(text)) == way


# --- what a paraphrase must share -------------------------------------------------------------------

OPENING = "Maria Lopez, who heads the Data Protection Board, said in a statement on Tuesday that"


@pytest.mark.parametrize("method", ["exact", "index"])
def test_a_shared_opening_that_goes_on_differently_is_no_reuse(method):
    # the same speaker and reporting frame, then another fact: the opening is no evidence of reuse
    fine = f"{OPENING} the fine was the largest the board had ever imposed on a bank."
    other = f"{OPENING} researchers who report flaws in good faith would not be punished."
    assert relations_between(fine, other, method) == []
    # the same opening going on with the same fact, a word changed, is a copy
    edited = f"{OPENING} the fine was the biggest the board had ever imposed on a lender."
    assert relations_between(fine, edited, method) == ["near_verbatim"]


@pytest.mark.parametrize("a, b, n", [
    ("the firm said it would appeal", "the firm said it would not", 5),
    ("the firm said", "a firm said", 0),
    ("same words", "same words", 2),
])
def test_common_openings(a, b, n):
    words = {w: k for k, w in enumerate(sorted(set(a.split()) | set(b.split())))}
    flat = np.array([words[w] for w in a.split() + b.split()], dtype=np.int64)
    bounds = np.array([0, len(a.split()), len(a.split()) + len(b.split())])
    assert reuse.common_openings(flat, bounds, [0], [1]).tolist() == [n]

def relations_between(a: str, b: str, method: str) -> list[str]:
    content, texts = pair_corpus(a, b)
    table, _, _ = reuse.align(content, method=method)
    return rows_between(table, texts, a[:30], b[:30])["relation"].tolist()


@pytest.mark.parametrize("method", ["exact", "index"])
def test_a_shared_figure_counts_twice(method):
    # three shared words and one figure, written two ways: enough for a paraphrase
    a = "The hackers are demanding $4m in bitcoin."
    b = "The attackers have demanded a ransom of 4 million dollars in bitcoin."
    assert relations_between(a, b, method) == ["paraphrase"]


@pytest.mark.parametrize("method", ["exact", "index"])
def test_a_shared_name_counts_once(method):
    # "union lawyer Pablo Ferrer" is four shared terms but one fact (who), not what he did
    assert relations_between("Union lawyer Pablo Ferrer spoke to reporters.",
                             "Union lawyer Pablo Ferrer represents the drivers.", method) == []
    said = ("Union lawyer Pablo Ferrer said the drivers would appeal the ruling.",
            "The drivers will appeal the ruling, union lawyer Pablo Ferrer said.")
    assert relations_between(*said, method) == ["paraphrase"]


@pytest.mark.parametrize("method", ["exact", "index"])
def test_three_rare_terms_and_little_else_make_a_pair(method):
    # approve, court, prosecutor: three shared terms, cosine near 0.5 (FEW_TERMS_COSINE 0.45)
    assert relations_between("None of the requests for the data was approved by a court or a prosecutor.",
                             "No court had authorised the transfers, and no prosecutor had signed off on them.",
                             method) == ["paraphrase"]
    # a trimmed copy of a short sentence, and the sentence repeated, are copies
    short = "Tenvara said it could not take the risk."
    assert relations_between(short, short[:-1] + " of receiving goods from a supplier under investigation.",
                             method) == ["verbatim"]
    assert relations_between(short, short, method) == ["verbatim"]


@pytest.mark.parametrize("method", ["exact", "index"])
@pytest.mark.parametrize("a, template, same, other", [
    # a length of time respelled is the same figure
    ("Trading in Haldor shares will be suspended for 28 days while regulators review its accounts.",
     "Regulators will suspend trading in Haldor stock for {} weeks to review its accounts.", "four", "six"),
    # lengths in other units agree when close: 42 and 45 days are one fact, though neither reads as the other's
    # figure; 42 and 60 days are two
    ("A ruling on whether the order should be suspended during the case is expected in a month and a half.",
     "The court is expected to decide within {} weeks whether to suspend the order during the case.", "six", "nine"),
], ids=["respelled", "close-in-other-units"])
def test_lengths_of_time_agree_when_the_same_or_close(method, a, template, same, other):
    assert relations_between(a, template.format(same), method) == ["paraphrase"]
    assert relations_between(a, template.format(other), method) == []


@pytest.mark.parametrize("text, days", [
    ("within six weeks", [42.0]),
    ("in a month and a half", [45.0]),
    ("18 months or 90 minutes", [540.0, 90 / 1440]),
    ("on March 14, 300 people", []),          # a day of the month, a count
])
def test_lengths_of_time(text, days):
    assert reuse.lengths_of_time(reuse.tokens(text)) == pytest.approx(days)


@pytest.mark.parametrize("method", ["exact", "index"])
def test_sentences_whose_figures_differ_are_not_paraphrases(method):
    a = "Shares of Haldor fell 7 percent in Amsterdam trading after the announcement."
    other, same = (f"Haldor stock dropped {n} percent in early Amsterdam trading." for n in ("11", "seven"))
    assert relations_between(a, other, method) == []
    assert relations_between(a, same, method) == ["paraphrase"]


GENERIC_CASES = [
    # a time, "the company", "officials", "the country" and at most one rarer term (China) are no shared fact
    ("On Monday the company said last year's sales in China had doubled.",
     "The company opened a store in China last year, officials said on Monday."),
    ("Officials said on Monday that the company had left the country last year.",
     "Last year the company hired 40 people in the country, officials said on Monday."),
]


@pytest.mark.parametrize("a, b", GENERIC_CASES)
@pytest.mark.parametrize("method", ["exact", "index"])
def test_sentences_sharing_only_generic_words_are_not_paraphrases(a, b, method):
    assert relations_between(a, b, method) == []
    # the same generic words beside two specific ones (sanctions, surveillance) still make a paraphrase
    rewrite = "Last year Canada began reviewing a request for sanctions on Chinese surveillance firms."
    assert relations_between(WIRE, rewrite, method) == ["paraphrase"]


APPROXIMATE_CASES = [
    # (an approximate figure, a figure in its range, one outside it)
    ("Hikvision, also known as Hangzhou Hikvision Digital Technology, has been subject to multiple U.S. sanctions "
     "and restrictions for more than five years over its business dealings in Xinjiang.",
     "Hikvision has faced numerous sanctions and restrictions by the United States over the past five-and-a-half "
     "years for the firm's dealings in China's Xinjiang region.",
     "Hikvision has faced numerous sanctions and restrictions by the United States over the past two years for "
     "the firm's dealings in China's Xinjiang region."),
    ("Nearly 2,000 Trekora users have joined a class action over their leaked running routes.",
     "A class action over leaked running routes has been joined by 1,950 Trekora users.",
     "A class action over leaked running routes has been joined by 1,200 Trekora users."),
    ("About 400 drivers lost their accounts after the Kwikcab algorithm flagged them.",
     "The Kwikcab algorithm flagged 410 drivers, who then lost their accounts.",
     "The Kwikcab algorithm flagged 250 drivers, who then lost their accounts."),
    ("A 5,000-plus crowd marched through Castlebridge against the engine plant closure.",
     "Some 5,200 people marched through Castlebridge to protest against the closure of the engine plant.",
     "Some 3,000 people marched through Castlebridge to protest against the closure of the engine plant."),
    ("Veltrix passed location records to at least 40 advertising firms, investigators found.",
     "Investigators found Veltrix had handed location records to 42 advertising firms.",
     "Investigators found Veltrix had handed location records to 14 advertising firms."),
    # a share written as a fraction or a ratio is its percentage (and approximate, as any figure)
    ("More than a third of Harlow's bus drivers have quit since the depot closed, the union said.",
     "The union said 35 percent of Harlow's bus drivers had quit since the depot closed.",
     "The union said 55 percent of Harlow's bus drivers had quit since the depot closed."),
    ("Nearly nine in ten Ostrava tenants backed the rent strike in Sunday's ballot.",
     "In Sunday's ballot, 87 percent of Ostrava tenants backed the rent strike.",
     "In Sunday's ballot, 47 percent of Ostrava tenants backed the rent strike."),
]


@pytest.mark.parametrize("approximate, near, far", APPROXIMATE_CASES)
@pytest.mark.parametrize("method", ["exact", "index"])
def test_an_approximate_figure_agrees_with_a_figure_in_its_range(approximate, near, far, method):
    assert relations_between(approximate, near, method) == ["paraphrase"]
    assert relations_between(approximate, far, method) == []


@pytest.mark.parametrize("text, ranges", [
    ("for more than five years", {"5": (5.0, 7.5)}),
    ("nearly 300 people and 12 boats", {"300": (200.0, 300.0)}),
    ("about 400 drivers", {"400": (400 / 1.5, 600.0)}),
    ("a 5,000-plus crowd", {"5000": (5000.0, 7500.0)}),
    ("at least $4m", {"4000000": (4e6, 6e6)}),
    ("in 2021, 12 boats", {}),
    ("about 120 days", {"4": (4 / 1.5, 6.0)}),      # a length of time in its coarsest unit (4 months)
    ("as many as 300 workers", {"300": (200.0, 300.0)}),
    ("more than a third of staff", {"33.3": (33.3, 49.95)}),     # a share, as its percentage
    ("nearly nine in ten", {"90": (60.0, 90.0)}),
])
def test_figure_ranges(text, ranges):
    found = reuse.figure_ranges(reuse.tokens(text))
    assert found.keys() == ranges.keys()
    assert all(found[term] == pytest.approx(ranges[term]) for term in ranges)


# A long rewrite: its cosine is below PARAPHRASE_COSINE, so only the long-sentence rule makes it a paraphrase.
LONG_A = ("The decision was made following a thorough review of information provided by the country's security "
          "and intelligence community.")
LONG_B = ("This determination is the result of a multi-step review that assessed information and evidence provided "
          "by the country's security and intelligence community, the industry minister wrote in a statement posted "
          "on social media.")


@pytest.mark.parametrize("negated", [
    LONG_A.replace("was made", "was not made"),
    LONG_A.replace("was made", "was never made"),
    LONG_A.replace("was made", "wasn't made"),
])
@pytest.mark.parametrize("method", ["exact", "index"])
def test_a_long_rewrite_negated_on_one_side_is_not_a_paraphrase(negated, method):
    assert relations_between(LONG_A, LONG_B, method) == ["paraphrase"]
    assert relations_between(negated, LONG_B, method) == []
    # negated on both sides, the claim is the same again
    assert relations_between(negated, LONG_B.replace("is the result", "is not the result"), method) == ["paraphrase"]


def with_headlines(content: pd.DataFrame) -> pd.DataFrame:
    """Content whose first sentence in each article is its headline."""
    first = content.groupby("article_id")["sentence"].transform("min") == content["sentence"]
    return content.assign(role=np.where(first, "headline", "body"))


HEADLINE = "Canada orders China's Hikvision to shut down operations in Canada"
LEAD = ("Canada has ordered China's Hikvision, the surveillance camera maker, to shut down its operations in the "
        "country.")


@pytest.mark.parametrize("method", ["exact", "index"])
def test_a_headline_is_copied_but_never_paraphrased(method):
    articles = {"a1": [HEADLINE] + BACKGROUND[:4], "b1": ["Hikvision challenges shutdown", LEAD] + BACKGROUND[4:],
                "c1": [HEADLINE, BACKGROUND[0]],
                "d1": ["Canada orders China's Hikvision to close Canadian operations over security concerns",
                       BACKGROUND[5]]}
    content, texts = build(articles)
    as_body, _, _ = reuse.align(content, method=method)                   # every sentence read as body
    assert rows_between(as_body, texts, HEADLINE, LEAD[:30])["relation"].tolist() == ["paraphrase"] * 2
    assert as_body[(as_body.article_a == "a1") & (as_body.article_b == "d1")]["relation"].tolist() == ["paraphrase"]
    table, _, _ = reuse.align(with_headlines(content), method=method)
    assert rows_between(table, texts, HEADLINE[:20], LEAD[:30]).empty                 # a headline and a body sentence
    headlines = table[(table.start_a == 0) & (table.start_b == 0)]                     # two headlines: only the copy
    assert headlines[["article_a", "article_b", "relation"]].values.tolist() == [["a1", "c1", "verbatim"]]
