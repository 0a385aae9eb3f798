//! English texts of the search page and the search box in the header.

use crate::domain::search::{Kind, QueryProblem};
use crate::i18n::search::SearchTexts;

pub static EN: SearchTexts = SearchTexts {
    label: "Search the site",
    placeholder: "Search stories, draft articles, opinions…",
    button: "Search",
    title: "Search",
    title_for: |q| format!("Search: {q}"),
    lead: "Search case stories, drafts open for opinions and their articles, consultation sessions, deputies and residents' published opinions. Two-character Chinese words (such as those for “elderly care” or “parking”) are found too; separate several words with spaces to find results that contain all of them.",
    filter_label: "Filter by category",
    all: "All",
    kind: |k| match k {
        Kind::Story => "Story",
        Kind::Solicitation => "Call for opinions",
        Kind::Article => "Draft article",
        Kind::Consultation => "Consultation session",
        Kind::Deputy => "Deputy",
        Kind::Opinion => "Published opinion",
    },
    count: |n, more| if more { format!("{n}+") } else { n.to_string() },
    found: |n, more, q| {
        if more {
            format!("More than {n} results for “{q}”, sorted by relevance.")
        } else if n == 1 {
            format!("1 result for “{q}”, sorted by relevance.")
        } else {
            format!("{n} results for “{q}”, sorted by relevance.")
        }
    },
    none: |q| format!("Nothing was found containing “{q}”."),
    none_hint: "Try other wording or fewer words, or check the spelling.",
    opinions_heading: "Residents' published opinions",
    opinions_lead: "Opinions that passed review and whose authors agreed to their publication, without names or contact details, newest first.",
    opinions_all: |n, more| {
        if more {
            format!("See all {n}+ opinions")
        } else if n == 1 {
            "See the 1 opinion".to_string()
        } else {
            format!("See all {n} opinions")
        }
    },
    opinions_more: "Earlier opinions",
    opinions_first: "Back to the newest opinions",
    results_label: "Search results",
    problem: |p| match p {
        QueryProblem::TooLong(n) => format!(
            "The search is too long: at most {} characters are allowed, and you entered {n}. Please remove some and search again.",
            crate::domain::search::MAX_QUERY_CHARS
        ),
        QueryProblem::NoWords => {
            "The search has nothing that can be looked up: please enter at least one Chinese character, letter or digit (punctuation and spaces are ignored).".into()
        }
        QueryProblem::UnknownKind => "“Category” (kind) must be one of: story (stories), solicitation (calls for opinions), article (draft articles), consultation (consultation sessions), deputy (deputies) or opinion (published opinions).".into(),
        QueryProblem::BadPage => format!(
            "“Page” (page) must be a whole number from 1 to {}.",
            crate::domain::search::MAX_PAGE
        ),
        QueryProblem::BadCursor => "“After” (after) must be the number of an opinion (a positive whole number).".into(),
    },
};
