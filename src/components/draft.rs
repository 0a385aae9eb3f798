//! A draft's text as the statutory tree: the table of contents by chapter, each article with its
//! own anchor, paragraphs and items, the count of accepted opinions on it, and the link to comment
//! on it. Also the staff's list of parse warnings.

use crate::domain::statute::{ParseWarning, ParsedDraft, Provision, ProvisionKind};
use crate::i18n::t;
use leptos::prelude::*;

/// How each article of a rendered draft links to the opinion form.
#[derive(Clone, Debug, PartialEq)]
pub struct CommentLinks {
    pub solicitation_id: i64,
    /// Accepted opinions per article, with those carried over from earlier versions.
    pub heat: Vec<crate::domain::trail::Heat>,
    /// Whether the solicitation takes opinions now (otherwise no link is shown).
    pub open: bool,
}

fn heading_text(p: &Provision) -> String {
    if p.text.is_empty() {
        p.label.clone()
    } else {
        format!("{}\u{3000}{}", p.label, p.text)
    }
}

/// The table of contents: 编, 章 and 节 with links; a draft without chapters lists nothing.
#[component]
pub fn DraftContents(parsed: ParsedDraft) -> impl IntoView {
    fn entries(nodes: &[Provision]) -> Vec<AnyView> {
        nodes
            .iter()
            .filter(|n| {
                matches!(
                    n.kind,
                    ProvisionKind::Part
                        | ProvisionKind::Subpart
                        | ProvisionKind::Chapter
                        | ProvisionKind::Section
                )
            })
            .map(|n| {
                let sub = entries(&n.children);
                let href = format!("#{}", n.anchor);
                view! {
                    <li>
                        <a href=href>{heading_text(n)}</a>
                        {(!sub.is_empty()).then(|| view! { <ol>{sub}</ol> })}
                    </li>
                }
                .into_any()
            })
            .collect()
    }
    let items = entries(&parsed.body);
    (!items.is_empty()).then(|| {
        view! {
            <nav class="toc" id="toc" aria-labelledby="toc-title">
                <h2 id="toc-title">{t().sol_contents}</h2>
                <ol>{items}</ol>
            </nav>
        }
    })
}

fn article_param(anchor: &str) -> &str {
    anchor.strip_prefix("art-").unwrap_or(anchor)
}

fn render(node: &Provision, links: &Option<CommentLinks>) -> AnyView {
    let t = t();
    match node.kind {
        ProvisionKind::Part
        | ProvisionKind::Subpart
        | ProvisionKind::Chapter
        | ProvisionKind::Section => {
            let heading = heading_text(node);
            let children = node
                .children
                .iter()
                .map(|c| render(c, links))
                .collect_view();
            let h = match node.kind {
                ProvisionKind::Part => view! { <h2 class="part">{heading}</h2> }.into_any(),
                ProvisionKind::Subpart => view! { <h2 class="subpart">{heading}</h2> }.into_any(),
                ProvisionKind::Chapter => view! { <h2>{heading}</h2> }.into_any(),
                _ => view! { <h3>{heading}</h3> }.into_any(),
            };
            view! { <section class="division" id=node.anchor.clone()>{h}{children}</section> }
                .into_any()
        }
        ProvisionKind::Article => {
            let (first, rest) = match node.children.split_first() {
                Some((f, r)) if f.kind == ProvisionKind::Paragraph => (Some(f), r),
                _ => (None, &node.children[..]),
            };
            let first_text = first.map(|f| f.text.clone()).unwrap_or_default();
            let first_items = first
                .map(|f| f.children.iter().map(|c| render(c, links)).collect_view())
                .into_iter()
                .collect_view();
            let rest = rest.iter().map(|c| render(c, links)).collect_view();
            let footer = links.as_ref().map(|l| {
                let (count, carried) = l
                    .heat
                    .iter()
                    .find(|h| h.anchor == node.anchor)
                    .map(|h| (h.total, h.carried))
                    .unwrap_or((0, 0));
                let href = format!(
                    "/solicitations/{}/opinions/new?article={}",
                    l.solicitation_id,
                    article_param(&node.anchor)
                );
                let label = format!("{}{}{}", node.label, crate::i18n::t().colon, t.sol_give_opinion_article);
                view! {
                    <p class="article-actions">
                        {(count > 0).then(|| view! {
                            <span class="heat" data-level=count.min(9)>{(t.heat)(count)}</span>
                        })}
                        {(carried > 0).then(|| view! {
                            <span class="carried">{(t.tr.carried)(carried)}</span>
                        })}
                        {l.open.then(|| view! {
                            <a class="comment" href=href aria-label=label>{t.sol_give_opinion_article}</a>
                        })}
                    </p>
                }
            });
            view! {
                <article class="provision" id=node.anchor.clone()>
                    <p class="para">
                        <a class="art-label" href=format!("#{}", node.anchor)>{node.label.clone()}</a>
                        "\u{3000}"{first_text}
                    </p>
                    {first_items}
                    {rest}
                    {footer}
                </article>
            }
            .into_any()
        }
        ProvisionKind::Paragraph => {
            let items = node
                .children
                .iter()
                .map(|c| render(c, links))
                .collect_view();
            view! { <p class="para" id=node.anchor.clone()>{node.text.clone()}</p>{items} }
                .into_any()
        }
        ProvisionKind::Item | ProvisionKind::SubItem => {
            let class = if node.kind == ProvisionKind::Item {
                "item"
            } else {
                "subitem"
            };
            let items = node
                .children
                .iter()
                .map(|c| render(c, links))
                .collect_view();
            view! {
                <p class=class id=node.anchor.clone()>{node.label.clone()}{node.text.clone()}</p>
                {items}
            }
            .into_any()
        }
    }
}

/// The text of a draft: title, preamble, the tree and annexes. With `links`, each article shows
/// its accepted-opinion count and a link to comment on it.
#[component]
pub fn DraftBody(
    parsed: ParsedDraft,
    #[prop(default = None)] links: Option<CommentLinks>,
) -> impl IntoView {
    let t = t();
    let body = parsed.body.iter().map(|n| render(n, &links)).collect_view();
    let preamble = parsed
        .preamble
        .iter()
        .map(|l| view! { <p class="preamble">{l.clone()}</p> })
        .collect_view();
    let annexes = (!parsed.annexes.is_empty()).then(|| {
        let lines = parsed
            .annexes
            .iter()
            .map(|l| view! { <p>{l.clone()}</p> })
            .collect_view();
        view! { <section class="annexes" aria-label=t.sol_annexes>{lines}</section> }
    });
    view! {
        <div class="draft-text">
            {(!parsed.title.is_empty()).then(|| view! { <p class="draft-title">{parsed.title.clone()}</p> })}
            {preamble}
            {body}
            {annexes}
        </div>
    }
}

/// The points of an amending draft (修改决定, 修正案草案) that made a version, each as written with
/// what it did, a link to the articles it changed, and (with `links`, while opinions are taken)
/// a link to comment on it.
#[component]
pub fn AmendmentPoints(
    a: crate::domain::amend::Applied,
    #[prop(default = None)] links: Option<CommentLinks>,
) -> impl IntoView {
    let t = t();
    let title = if a.title.is_empty() {
        t.tr.amend_legend.to_string()
    } else {
        a.title.clone()
    };
    let preamble = a
        .preamble
        .iter()
        .map(|l| view! { <p>{l.clone()}</p> })
        .collect_view();
    let points = a
        .points
        .into_iter()
        .map(|p| {
            let result = (t.tr.amend_result)(&p.labels, &p.old_labels, p.applied);
            let see = p
                .anchors
                .iter()
                .zip(&p.labels)
                .map(
                    |(anchor, label)| view! { " "<a href=format!("#{anchor}")>{label.clone()}</a> },
                )
                .collect_view();
            let comment = links.as_ref().filter(|l| l.open).map(|l| {
                let href = format!(
                    "/solicitations/{}/opinions/new?article={}",
                    l.solicitation_id,
                    crate::domain::amend::target_key(p.number)
                );
                let label = format!("{}{}", p.label, t.tr.amend_comment);
                view! { <a class="comment" href=href aria-label=label>{t.tr.amend_comment}</a> }
            });
            let lines = p
                .text
                .lines()
                .enumerate()
                .map(|(i, l)| {
                    let label = (i == 0).then(|| view! { <strong>{p.label.clone()}</strong> });
                    view! { <p>{label}{l.to_string()}</p> }
                })
                .collect_view();
            view! {
                <li id=format!("amd-{}", p.number) class=if p.applied { "" } else { "invalid" }>
                    {lines}
                    <p class="article-actions"><span class="hint">{result}</span>{see}{comment}</p>
                </li>
            }
        })
        .collect_view();
    let closing = a
        .closing
        .iter()
        .map(|l| view! { <p>{l.clone()}</p> })
        .collect_view();
    view! {
        <section class="amendment" aria-labelledby="amendment-title">
            <h3 id="amendment-title">{(t.tr.amend_title)(&title, &a.base_label)}</h3>
            <p class="hint">{t.tr.amend_lead}</p>
            {preamble}
            <ol class="points">{points}</ol>
            {closing}
        </section>
    }
}

/// The parse warnings, in words a staff member can act on.
#[component]
pub fn ParseWarnings(warnings: Vec<ParseWarning>) -> impl IntoView {
    let t = t();
    if warnings.is_empty() {
        return view! { <p class="notice">{t.draft_no_warnings}</p> }.into_any();
    }
    let items = warnings
        .iter()
        .map(|w| view! { <li>{crate::i18n::parse_warning(w)}</li> })
        .collect_view();
    view! {
        <div class="warnings" role="status">
            <p><strong>{t.draft_warnings}</strong></p>
            <ul>{items}</ul>
        </div>
    }
    .into_any()
}
