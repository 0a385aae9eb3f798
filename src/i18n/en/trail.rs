//! English texts of the legislative trail: comparing versions of a draft.

use crate::domain::align::Change;
use crate::domain::trail::Hop;
use crate::i18n::trail::TrailTexts;

/// "1 article", "3 articles" (or any other noun).
fn plural(n: i64, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

fn change_en(c: Change) -> &'static str {
    match c {
        Change::Unchanged => "Unchanged",
        Change::Renumbered => "Renumbered",
        Change::Amended => "Text amended",
        Change::Moved => "Moved",
        Change::Split => "Split",
        Change::Merged => "Merged",
        Change::Added => "Added",
        Change::Deleted => "Deleted",
    }
}

/// The change as it follows a count of articles: "3 articles amended".
fn change_verb_en(c: Change) -> &'static str {
    match c {
        Change::Unchanged => "unchanged",
        Change::Renumbered => "renumbered",
        Change::Amended => "amended",
        Change::Moved => "moved",
        Change::Split => "split",
        Change::Merged => "merged",
        Change::Added => "added",
        Change::Deleted => "deleted",
    }
}

fn describe_en(c: Change, amended: bool, old: &[String], new: &[String]) -> String {
    let old = old.join(", ");
    let new = new.join(", ");
    let and_text = if amended {
        ", text amended"
    } else {
        ", text unchanged"
    };
    match c {
        Change::Unchanged => "Unchanged".into(),
        Change::Renumbered => format!("{old} renumbered as {new}, text unchanged"),
        Change::Amended if old == new => "Text amended".into(),
        Change::Amended => format!("Text amended, {old} renumbered as {new}"),
        Change::Moved => format!("{old} moved to {new}{and_text}"),
        Change::Split => format!("{old} split into {new}"),
        Change::Merged => format!("{old} merged into {new}"),
        Change::Added => format!("{new} added"),
        Change::Deleted => format!("{old} deleted"),
    }
}

fn hop_en(h: &Hop, then: &str) -> String {
    let v = &h.version_label;
    let now: Vec<&str> = h.now.iter().map(|r| r.label.as_str()).collect();
    let text = if h.amended {
        "text amended"
    } else {
        "text unchanged"
    };
    match h.change {
        Change::Deleted => format!("Deleted in {v}"),
        Change::Split => format!("Split into {} in {v}", now.join(", ")),
        Change::Merged => {
            let others: Vec<&str> = h.merged_with.iter().map(|r| r.label.as_str()).collect();
            format!(
                "Merged with former {} into {} in {v}, {text}",
                others.join(", "),
                now.join(", ")
            )
        }
        _ if now.first() == Some(&then) => format!("Still {then} in {v}, {text}"),
        _ => format!("Became {} in {v}, {text}", now.join(", ")),
    }
}

fn summary_en(counts: &[(Change, usize)]) -> String {
    let parts: Vec<String> = counts
        .iter()
        .filter(|(_, n)| *n > 0)
        .map(|(c, n)| {
            format!(
                "{} {}",
                plural(*n as i64, "article", "articles"),
                change_verb_en(*c)
            )
        })
        .collect();
    parts.join(", ")
}

/// English.
pub static EN: TrailTexts = TrailTexts {
    compare: "Comparison table",
    compare_title: |title| format!("{title}: comparison table of changes"),
    compare_lead: |from, to| {
        format!("{from} and {to} compared article by article: deleted text is struck through and added text is underlined.")
    },
    compare_link: "See the comparison tables of the versions",
    from: "Earlier version",
    to: "Later version",
    show: "Compare",
    only_changed: "Show only changed articles",
    all_articles: "Show all articles",
    old_text: "Original article",
    new_text: "Amended article",
    what_changed: "What changed",
    summary: summary_en,
    one_version: "This draft has only one version, so there is no comparison table yet.",
    same_version: "Please choose two different versions to compare.",
    no_changes: "No article differs between the two versions.",
    change: change_en,
    describe: describe_en,
    no_article: "(Not in this version)",
    gone_mark: "Deleted: ",
    added_mark: "Added: ",
    legend: "Deleted text is struck through and added text is underlined.",
    back: "Back to the call for opinions",
    read_version: "Read the full text of this version",
    download_docx: "Download the comparison table (Word document, landscape)",
    download_xlsx: "Download the comparison table (Excel spreadsheet)",
    carried: |n| {
        if n == 1 {
            "including 1 carried over from an earlier version".to_string()
        } else {
            format!("including {n} carried over from earlier versions")
        }
    },
    trail_title: "Later changes to the article",
    trail_lead: |label, version| format!("The article you gave your opinion on, {label} ({version}), in later versions:"),
    trail_lead_staff: |label, version| format!("The article this opinion is about, {label} ({version}), in later versions:"),
    hop: hop_en,
    see_article: "See the article",
    see_compare: "See the comparison table",
    align_title: |base| format!("Correspondence with {base}"),
    align_lead: "The system has compared the new version with the previous one article by article, by their text, and opinions will move to the new version with their articles. Please check the changed articles below. Where a correspondence is wrong, enter the number of the previous version's article under “Corresponding earlier article” (e.g. 12, or 10-1 for an article inserted after Article 10; if several articles of the previous version were merged into this one, enter all their numbers separated by commas, e.g. 5, 6), and clear it for an article that is really new. Then click “Check the parsed result” to compare again, and save once everything is right.",
    align_unchanged: |n| {
        if n == 1 {
            "1 more article with the same number and text is not listed.".to_string()
        } else {
            format!("{n} more articles with the same number and text are not listed.")
        }
    },
    align_new: "Article of the new version",
    align_old: "Corresponding earlier article (number)",
    align_input: |label| format!("Number of the previous version's article that corresponds to {label}"),
    align_deleted: "(This article of the previous version is deleted)",
    form_moved: |then, was, now, label| {
        format!("The draft has been updated from {was} to {now}: {then} of {was}, which you chose, is {label} in {now}, and has been chosen for you instead. Please check before submitting; everything you entered has been kept.")
    },
    form_gone: |then, was, now| {
        format!("The draft has been updated from {was} to {now}: {then} of {was}, which you chose, has been deleted in {now}, so your opinion is now about the draft as a whole. Please check before submitting; everything you entered has been kept.")
    },
    fp_accepted_label: "Accepted after review",
    fp_feedback_label: "Feedback on adoption",
    enacted_legend: "Enacted text",
    enacted_check: "This is the officially adopted text (the enacted text)",
    enacted_hint: "If you tick this, fill in the date of adoption, the date of promulgation and the address of the official publication. Once saved, the tracking page of every opinion will compare the article as it stood when the opinion was given with the article as enacted.",
    adopted_on: "Date of adoption",
    promulgated_on: "Date of promulgation",
    official_url: "Address of the official publication",
    official_url_hint: "The address of the official text on the People's Congress website or in the government gazette, starting with http:// or https://",
    enacted_notice: |adopted, promulgated| format!("This regulation was adopted on {adopted} and promulgated on {promulgated}."),
    official_link: "Read the official text",
    enacted_title: "The article you gave your opinion on, in the enacted text",
    then_heading: |label, version| format!("When you gave your opinion: {label}, {version}"),
    now_heading: |label, version| format!("{label}, {version} (deleted text struck through, added text underlined)"),
    enacted_deleted: "This article was deleted from the enacted text.",
    enacted_same: "The wording of this article is unchanged in the enacted text.",
    footprint_title: "Legislative trail",
    fp_versions: "Versions of the draft",
    fp_changed: |n, first| format!("{} amended, added or deleted compared with {first}", plural(n as i64, "article", "articles")),
    fp_received: "Opinions received",
    fp_accepted: |accepted, articles, whole, deleted| {
        let mut s = format!("{accepted}: {articles} on specific articles, {whole} on the draft as a whole or the questions of the call");
        if deleted > 0 {
            s.push_str(&format!(", {deleted} on articles since deleted"));
        }
        s
    },
    fp_feedback: |a, p, n| format!("{a} adopted, {p} partly adopted, {n} not adopted"),
    fp_rate: "Adoption rate",
    fp_top: "Articles with the most opinions",
    fp_stats_link: "See all statistics",
    story_from: "Write a case story from this",
    story_from_hint: "Opens the case story editor with the call for opinions, the changes to the article and the feedback on adoption filled in. The name and contact details of the person who gave the opinion are left out, and the opinion's own words are included only if they agreed to its publication. Nothing is published before you save.",
    story_h_call: "The call for opinions",
    story_h_opinion: "The resident's opinion",
    story_h_article: "How the article changed",
    story_h_feedback: "Feedback on adoption",
    story_who: |who, what| format!("A participant ({who}) gave an opinion on {what}:"),
    story_no_consent: "(The person who gave this opinion did not agree to the publication of its wording. Please summarise the opinion in your own words, without names, contact details or details that could identify them.)",
    story_title: |call, what| format!("{call}: an opinion on {what}"),
    story_summary: |what| format!("How a resident's opinion on {what} made its way into the articles of the regulation."),
    apart_label: |label, version| format!("{label} ({version}; not in this version)"),
    carried_deleted: |n| {
        if n == 1 {
            "1 more opinion is about an article deleted from this version; it still counts in the total number of opinions and is listed separately in the opinion summary table.".to_string()
        } else {
            format!("{n} more opinions are about articles deleted from this version; they still count in the total number of opinions and are listed separately in the opinion summary table.")
        }
    },
    amend_legend: "Amending decision (draft amendment)",
    amend_check: "The pasted text is an amending decision or a draft amendment: apply its points to the text selected below to produce the amended full text",
    amend_hint: "Number the points in the Chinese style (the Chinese numerals for one, two, … each followed by an enumeration comma) and use the standard Chinese drafting phrases, such as “Article 10 is amended to read: …”, “After Article 20, an article is added as Article 21: …”, “Article 30 is deleted” and “In Article 5, ‘one year’ is amended to ‘six months’”.",
    amend_base: "Text being amended",
    amend_base_pasted: "Paste the text in force",
    amend_base_text: "Text in force",
    amend_base_text_hint: "If the text being amended is not in this system (for example a regulation now in force), paste its full text here and choose “Paste the text in force” above.",
    amend_in_force: "Text in force",
    amend_title: |title, base| format!("{title} (amending {base})"),
    amend_lead: "This version results from the amendments below. You can give an opinion on any one of them, or on the amended full text article by article.",
    amend_result: |new, old, applied| {
        if !applied {
            return "This amendment could not be matched to the text it amends, so the amended full text does not include it.".into();
        }
        match (new.is_empty(), old.is_empty()) {
            (true, false) => format!("Deletes former {}.", old.join(", ")),
            (false, true) => format!("Now {}.", new.join(", ")),
            (false, false) if old.join(", ") == new.join(", ") => format!("Now {}.", new.join(", ")),
            (false, false) => format!("Formerly {}, now {}.", old.join(", "), new.join(", ")),
            (true, true) => String::new(),
        }
    },
    amend_comment: "Give an opinion on this amendment",
    amend_target: |n| format!("Amendment {n}"),
    amend_problem: amend_problem_en,
    queue_now: |version, label| match label {
        Some(l) => format!("Now {l} in {version}"),
        None => format!("Deleted in {version}"),
    },
};

fn amend_problem_en(p: &crate::domain::amend::AmendProblem) -> String {
    use crate::domain::amend::AmendProblem as P;
    match p {
        P::NotUnderstood => "This amendment was not understood. The forms recognised (in the standard Chinese drafting phrases) are: Article N (paragraph M) is amended to read: … / in Article N, “A” is amended to “B” / after Article N, an article is added as Article M: … / a paragraph is added to Article N as paragraph M: … / Article N (paragraph M) is deleted. This amendment has been kept as written; please make the change by hand against the original text, or rewrite it and check again.".into(),
        P::NoSuchArticle { article } => format!("The text being amended has no {article}. Please check the article number, or whether the right text is selected."),
        P::NoSuchParagraph { article, paragraph } => format!("{article} has no paragraph {paragraph}."),
        P::WordsNotFound { article, words } => format!("“{words}” was not found in {article}."),
        P::NoText => "No new text was given after “is amended to read” or “is added” (it belongs in quotation marks after the colon).".into(),
        P::LooksLikeAmendment => "This text looks like an amending decision or a draft amendment (made up of numbered points such as “1. Article … is amended to read”). If it is, tick “The pasted text is an amending decision or a draft amendment” above and select the text it amends; the system will then produce the amended full text from it.".into(),
        P::NoPoints => "No amendment points numbered in the Chinese style (one, two, … each followed by an enumeration comma) were found. If you pasted a complete text of articles, untick “amending decision” above.".into(),
    }
}
