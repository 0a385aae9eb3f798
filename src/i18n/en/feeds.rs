//! English texts of the RSS feeds.

use crate::i18n::feeds::FeedTexts;

pub static EN: FeedTexts = FeedTexts {
    stories_title: "Case stories",
    stories_description: "How residents' opinions make their way into legislation: case stories from the grassroots legislative contact points.",
    open_title: "Open calls for opinions",
    open_description: "Draft regulations, legislative plans and post-legislative evaluations now open for opinions, closing soonest first.",
    open_item: |stage, issuer, from, to| format!("{stage} · {issuer} · open for opinions from {from} to {to}"),
    trail_title: |t| format!("{t} · progress"),
    trail_description: "The progress of this call for opinions: the versions of the draft, the close of the call, the adopted text and the results of the call.",
    trail_outcome: |t| format!("Results of the call: {t}"),
    trail_closed: |t| format!("Call closed: {t}"),
    trail_closed_body: |n| {
        if n == 1 {
            "The call for opinions has closed; 1 opinion was received.".to_string()
        } else {
            format!("The call for opinions has closed; {n} opinions were received.")
        }
    },
    trail_enacted: |t, label| format!("{t}: {label} adopted"),
    trail_enacted_body: |adopted, promulgated| format!("Adopted on {adopted}, promulgated on {promulgated}."),
    trail_version: |t, label| format!("{t}: {label} published"),
    trail_version_body: |n| {
        if n == 1 {
            "1 article.".to_string()
        } else {
            format!("{n} articles.")
        }
    },
    od_stats_head: [
        "No.",
        "Call for opinions",
        "Opinions received",
        "Passed review",
        "Adopted (incl. partly adopted)",
        "Adoption rate (%)",
    ],
    od_total: "Total",
    od_stats_file: "minyi-statistics.csv",
    od_stats_link: "Download the statistics (CSV, open data)",
    od_opinions_head: ["Date received", "Draft version", "About", "Identity", "Opinion", "Suggestion"],
    od_opinions_file: |title| format!("{title}-published-opinions.csv"),
    od_opinions_link: "Download all published opinions (CSV, open data)",
};
