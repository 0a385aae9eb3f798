//! What staff do with solicitations: the lists, the editor, and new versions of the draft
//! checked before they are saved.
#![expect(
    clippy::too_many_arguments,
    reason = "a form's fields arrive as one argument each, flat, so that plain form posts name them simply"
)]

#[cfg(feature = "ssr")]
use super::{Alignment, PairRow};
use super::{DraftEditorData, SolicitationEditorData};
#[cfg(feature = "ssr")]
use crate::domain::form::FormState;
use crate::domain::solicitation::{Solicitation, SolicitationSummary};
#[cfg(feature = "ssr")]
use crate::domain::{align::Change, statute::ParsedDraft};
use crate::error::AppError;
use leptos::prelude::*;

/// Every solicitation, drafts included, newest first, and the server's clock. Any staff member
/// (station staff read them to enter offline opinions; only the district office edits them).
#[server(endpoint = "staff/solicitations/list")]
pub async fn staff_list_solicitations() -> Result<(Vec<SolicitationSummary>, i64), AppError> {
    use crate::domain::policy::Permission;
    use crate::server::{db, guard};
    let (state, _) = guard::staff(Permission::HandleOpinions).await?;
    Ok((db::solicitations::list_all(&state.db).await?, db::now_ms()))
}

/// Any solicitation by id, for its staff page. Any staff member.
#[server(endpoint = "staff/solicitations/get")]
pub async fn staff_get_solicitation(id: i64) -> Result<Solicitation, AppError> {
    use crate::domain::policy::Permission;
    use crate::server::{db, guard};
    let (state, _) = guard::staff(Permission::HandleOpinions).await?;
    db::solicitations::get(&state.db, id)
        .await?
        .ok_or_else(|| guard::fail(AppError::NotFound))
}

/// The editor's content: a sent-back draft, else solicitation `id`, else a new one opening today
/// for 30 days. Staff only.
#[server(endpoint = "staff/solicitations/form")]
pub async fn solicitation_form(
    id: Option<i64>,
    draft: Option<String>,
) -> Result<SolicitationEditorData, AppError> {
    use crate::domain::{policy::Permission, time};
    use crate::server::{db, guard};
    let (state, _) = guard::staff(Permission::ManageSolicitations).await?;
    let existing = match id {
        Some(id) => Some(
            db::solicitations::get(&state.db, id)
                .await?
                .ok_or_else(|| guard::fail(AppError::NotFound))?,
        ),
        None => None,
    };
    let version = existing.as_ref().map(|s| s.updated_at);
    let editing = guard::editing(
        &state,
        draft,
        "solicitation",
        id,
        version,
        || match &existing {
            Some(s) => FormState::new("solicitation")
                .with("title", &s.summary.title)
                .with("stage", s.summary.stage.code())
                .with("issuer", &s.summary.issuer)
                .with("explanation", &s.explanation_md)
                .with("questions", s.questions.join("\n"))
                .with("opens_on", s.summary.opens_on())
                .with("closes_on", s.summary.closes_on())
                .with("status", s.summary.status.code())
                .with("outcome", &s.outcome_md)
                .with(
                    "stations",
                    s.stations
                        .iter()
                        .map(|s| s.id.to_string())
                        .collect::<Vec<_>>()
                        .join(","),
                ),
            None => {
                let now = db::now_ms();
                FormState::new("solicitation")
                    .with("stage", "drafting")
                    .with("status", "draft")
                    .with("issuer", state.config.org_name.clone())
                    .with("opens_on", time::iso_date(now))
                    .with("closes_on", time::iso_date(now + 29 * time::DAY_MS))
            }
        },
    )
    .await?;
    Ok(SolicitationEditorData {
        editing,
        stations: db::stations::list_options(&state.db).await?,
    })
}

/// Creates or updates a solicitation from the editor. Problems send the editor back with
/// everything typed. Staff only; writes an audit entry.
#[server(endpoint = "staff/solicitations/save")]
pub async fn save_solicitation(
    id: String,
    version: String,
    title: String,
    stage: String,
    issuer: String,
    explanation: String,
    questions: String,
    opens_on: String,
    closes_on: String,
    status: String,
    outcome: String,
    stations: Option<Vec<String>>,
) -> Result<(), AppError> {
    use crate::domain::{
        policy::Permission,
        solicitation::SolicitationInput,
        text::{Problem, FORM},
    };
    use crate::server::{db, db::stories::SaveError, guard, markdown};
    let id = id.trim().parse::<i64>().ok();
    let return_to = match id {
        Some(id) => format!("/staff/solicitations/{id}/edit"),
        None => "/staff/solicitations/new".to_string(),
    };
    let stations = stations.unwrap_or_default().join(",");
    let input = SolicitationInput {
        title,
        stage,
        issuer,
        explanation,
        questions,
        opens_on,
        closes_on,
        status,
        outcome,
        stations,
    };
    let mut form = FormState::new("solicitation")
        .with("title", &input.title)
        .with("stage", &input.stage)
        .with("issuer", &input.issuer)
        .with("explanation", &input.explanation)
        .with("questions", &input.questions)
        .with("opens_on", &input.opens_on)
        .with("closes_on", &input.closes_on)
        .with("status", &input.status)
        .with("outcome", &input.outcome)
        .with("stations", &input.stations)
        .with("version", &version);
    let (state, user) =
        guard::staff_for_form(Permission::ManageSolicitations, &form, &return_to).await?;
    let known: Vec<i64> = db::stations::list_options(&state.db)
        .await?
        .into_iter()
        .map(|s| s.id)
        .collect();
    let s = match input.validate(&known) {
        Ok(s) => s,
        Err(errors) => {
            form.errors = errors;
            return guard::bounce(&state, &form, &return_to).await;
        }
    };
    let version = version.trim().parse::<i64>().ok();
    let explanation_html = markdown::render(&s.explanation_md);
    let outcome_html = markdown::render(&s.outcome_md);
    match db::solicitations::save(
        &state.db,
        id,
        version,
        &s,
        &explanation_html,
        &outcome_html,
        user.id,
    )
    .await
    {
        Ok(saved) => {
            leptos_axum::redirect(&format!("/staff/solicitations/{saved}?done=saved"));
            Ok(())
        }
        Err(SaveError::Stale) => {
            form.errors.add(FORM, Problem::RecordChanged);
            guard::bounce(&state, &form, &return_to).await
        }
        Err(SaveError::SlugTaken(_)) | Err(SaveError::NotFound) => {
            Err(guard::fail(AppError::NotFound))
        }
        Err(SaveError::Db(e)) => Err(guard::fail(e.into())),
    }
}

/// A short fingerprint of a draft text, to know that staff saw the parse of exactly this text.
#[cfg(feature = "ssr")]
fn fingerprint(text: &str) -> String {
    crate::server::auth::token_hash(text)[..16].to_string()
}

/// What a check or a save is of: the text, and for an amending draft the text it amends.
#[cfg(feature = "ssr")]
fn checked_key(form: &FormState, text: &str) -> String {
    if form.value("amending") == "1" {
        fingerprint(&format!(
            "amend\n{}\n{}\n{text}",
            form.value("amends"),
            form.value("base_text")
        ))
    } else {
        fingerprint(text)
    }
}

/// The version that the pasted text makes: a full text as parsed; or, for an amending draft
/// (修改决定, 修正案草案), its points applied to the version staff chose or the text in force
/// they pasted, giving the amended full text (the source to store) with the points in it. A
/// missing text to amend is a problem of that field.
#[cfg(feature = "ssr")]
async fn made_version(
    state: &crate::server::state::AppState,
    id: i64,
    text: &str,
    form: &FormState,
) -> Result<Result<(String, ParsedDraft), (String, crate::domain::text::Problem)>, AppError> {
    use crate::domain::{amend, solicitation::DRAFT_SOURCE, statute, text::Problem};
    if form.value("amending") != "1" {
        let mut parsed = statute::parse(text);
        if amend::looks_like_amendment(text) {
            parsed.warnings.insert(
                0,
                statute::ParseWarning::Amendment {
                    point: 0,
                    problem: amend::AmendProblem::LooksLikeAmendment,
                },
            );
        }
        return Ok(Ok((text.to_string(), parsed)));
    }
    let amends = form.value("amends");
    let base = if amends == "text" {
        match crate::domain::text::clean(&form.value("base_text"), DRAFT_SOURCE) {
            Ok(t) => (
                statute::parse(&t),
                crate::i18n::t().tr.amend_in_force.to_string(),
            ),
            Err(p) => return Ok(Err(("base_text".into(), p))),
        }
    } else {
        let version = amends.trim().parse::<i64>().ok();
        match version {
            Some(v) => match crate::server::db::solicitations::draft(&state.db, id, Some(v)).await?
            {
                Some(d) if d.info.id == v => (d.parsed, d.info.label),
                _ => return Ok(Err(("amends".into(), Problem::Required))),
            },
            None => return Ok(Err(("amends".into(), Problem::Required))),
        }
    };
    let (full, applied, warnings) = amend::apply(&base.0, &base.1, text);
    let mut parsed = statute::parse(&full);
    let mut all = warnings;
    all.append(&mut parsed.warnings);
    parsed.warnings = all;
    parsed.amendment = Some(applied);
    Ok(Ok((full, parsed)))
}

/// Staff's pairing corrections as the form keeps them: one `anchor=typed` a line.
#[cfg(feature = "ssr")]
fn corrections(kept: &str) -> Vec<(String, String)> {
    kept.lines()
        .filter_map(|l| l.split_once('='))
        .map(|(a, v)| (a.to_string(), v.to_string()))
        .collect()
}

/// The rows staff review: every article that is not the same under the same number.
#[cfg(feature = "ssr")]
fn alignment(
    base: &crate::domain::solicitation::DraftText,
    new: &ParsedDraft,
    pairing: &crate::domain::trail::Pairing,
    typed: &[(String, String)],
) -> Alignment {
    use crate::domain::align::{align, articles, picks};
    let (a, b) = (articles(&base.parsed), articles(new));
    let found = picks(&align(&a, &b), b.len());
    let new_anchors: Vec<String> = new.articles().iter().map(|p| p.anchor.clone()).collect();
    let excerpt = |t: &str| -> String {
        let cut: String = t.chars().take(40).collect();
        if cut.chars().count() < t.chars().count() {
            format!("{cut}…")
        } else {
            cut
        }
    };
    let number = |label: &str| {
        label
            .trim_start_matches('第')
            .trim_end_matches('条')
            .to_string()
    };
    let mut rows = Vec::new();
    let mut counts: std::collections::BTreeMap<Change, usize> = Default::default();
    let mut unchanged = 0;
    for l in &pairing.links {
        *counts.entry(l.change).or_default() += 1;
        if l.change == Change::Unchanged {
            unchanged += 1;
            continue;
        }
        let old_labels: Vec<String> = l.old.iter().map(|&i| a[i].label.clone()).collect();
        let new_labels: Vec<String> = l.new.iter().map(|&j| b[j].label.clone()).collect();
        if l.new.is_empty() {
            rows.push(PairRow {
                anchor: String::new(),
                excerpt: l
                    .old
                    .first()
                    .map(|&i| excerpt(&a[i].text))
                    .unwrap_or_default(),
                new_labels,
                old_labels,
                value: String::new(),
                was: String::new(),
                change: l.change,
                amended: l.amended,
            });
            continue;
        }
        for &j in &l.new {
            let anchor = new_anchors[j].clone();
            let numbers = |olds: &[usize]| {
                olds.iter()
                    .map(|&i| number(&a[i].label))
                    .collect::<Vec<_>>()
                    .join("、")
            };
            let was = numbers(&found[j]);
            let value = match typed.iter().find(|(x, _)| *x == anchor) {
                Some((_, v)) => v.clone(),
                None => numbers(&l.old),
            };
            rows.push(PairRow {
                anchor,
                new_labels: vec![b[j].label.clone()],
                old_labels: old_labels.clone(),
                excerpt: excerpt(&b[j].text),
                value,
                was,
                change: l.change,
                amended: l.amended,
            });
        }
    }
    Alignment {
        base_id: base.info.id,
        base_label: base.info.label.clone(),
        rows,
        unchanged,
        counts: counts.into_iter().collect(),
    }
}

/// The new-version form: a sent-back draft (with its parsed preview and its alignment with the
/// current version), else empty with the next version's label. Staff only.
#[server(endpoint = "staff/solicitations/draft-form")]
pub async fn draft_form(id: i64, draft: Option<String>) -> Result<DraftEditorData, AppError> {
    use crate::domain::{policy::Permission, solicitation::DRAFT_SOURCE, trail};
    use crate::server::{db, guard};
    let (state, _) = guard::staff(Permission::ManageSolicitations).await?;
    let s = db::solicitations::get(&state.db, id)
        .await?
        .ok_or_else(|| guard::fail(AppError::NotFound))?;
    let form = match guard::draft(&state, draft, "draft-version").await? {
        Some(d) => d,
        None => {
            let label = if s.versions.is_empty() {
                "征求意见稿".to_string()
            } else {
                format!("第{}稿", s.versions.len() + 1)
            };
            let text = match s.versions.first() {
                Some(v) => db::solicitations::source(&state.db, v.id)
                    .await?
                    .unwrap_or_default(),
                None => String::new(),
            };
            FormState::new("draft-version")
                .with("label", label)
                .with("text", text)
        }
    };
    let cleaned = crate::domain::text::clean(&form.value("text"), DRAFT_SOURCE).ok();
    let (preview, checked) = match cleaned {
        Some(text) if form.value("intent") == "check" => {
            match made_version(&state, id, &text, &form).await? {
                Ok((_, parsed)) => (Some(parsed), checked_key(&form, &text)),
                Err(_) => (None, String::new()),
            }
        }
        _ => (None, String::new()),
    };
    let alignment = match (
        &preview,
        db::solicitations::draft(&state.db, id, None).await?,
    ) {
        (Some(new), Some(base)) => {
            let typed = corrections(&form.value("pairs"));
            let pairing = trail::pairing(&base.parsed, new, &typed);
            Some(alignment(&base, new, &pairing, &typed))
        }
        _ => None,
    };
    Ok(DraftEditorData {
        versions: s.versions.iter().map(|v| (v.id, v.label.clone())).collect(),
        solicitation: s.summary,
        state: form,
        preview,
        checked,
        alignment,
    })
}

/// Checks (`intent` = `check`) or saves (`save`) a new version of the draft. Saving needs the
/// parsed result of exactly this text, and its alignment with the current version (`base`), to
/// have been shown; `pair_new[]`/`pair_old[]` are staff's corrections of that alignment (a new
/// article's anchor and the earlier article it comes from, empty for "added"; `pair_was[]` what
/// the field held when shown). Staff only;
/// writes an audit entry.
#[server(endpoint = "staff/solicitations/draft-save")]
#[allow(clippy::too_many_arguments)]
pub async fn save_draft_version(
    id: String,
    label: String,
    text: String,
    checked: String,
    intent: String,
    base: Option<String>,
    pair_new: Option<Vec<String>>,
    pair_old: Option<Vec<String>>,
    pair_was: Option<Vec<String>>,
    enacted: Option<String>,
    adopted_on: Option<String>,
    promulgated_on: Option<String>,
    official_url: Option<String>,
    amending: Option<String>,
    amends: Option<String>,
    base_text: Option<String>,
) -> Result<(), AppError> {
    use crate::domain::{
        policy::Permission,
        solicitation::{DRAFT_SOURCE, VERSION_LABEL},
        statute,
        text::{self as txt, FieldErrors, Problem, FORM},
        trail,
    };
    use crate::server::{db, guard};
    let id = id
        .trim()
        .parse::<i64>()
        .map_err(|_| guard::fail(AppError::BadRequest))?;
    let return_to = format!("/staff/solicitations/{id}/draft");
    // Only what staff changed is a correction: a field left as the aligner filled it must not
    // pin a pairing once the text (and so the alignment) changes.
    let typed: Vec<(String, String)> = pair_new
        .unwrap_or_default()
        .into_iter()
        .zip(pair_old.unwrap_or_default())
        .zip(pair_was.unwrap_or_default())
        .filter(|((a, v), was)| {
            trail::is_article(a) && !a.contains(['=', '\n']) && v.trim() != was.trim()
        })
        .map(|((a, v), _)| (a, v.replace(['\r', '\n'], "")))
        .take(5_000)
        .collect();
    let kept: String = typed.iter().map(|(a, v)| format!("{a}={v}\n")).collect();
    let enacted = enacted.as_deref() == Some("1");
    let (adopted_on, promulgated_on, official_url) = (
        adopted_on.unwrap_or_default(),
        promulgated_on.unwrap_or_default(),
        official_url.unwrap_or_default(),
    );
    let mut form = FormState::new("draft-version")
        .with("label", &label)
        .with("text", &text)
        .with("pairs", kept)
        .with("enacted", if enacted { "1" } else { "" })
        .with("adopted_on", &adopted_on)
        .with("promulgated_on", &promulgated_on)
        .with("official_url", &official_url)
        .with(
            "amending",
            if amending.as_deref() == Some("1") {
                "1"
            } else {
                ""
            },
        )
        .with("amends", amends.unwrap_or_default())
        .with("base_text", base_text.unwrap_or_default())
        .with("intent", "check");
    let (state, user) =
        guard::staff_for_form(Permission::ManageSolicitations, &form, &return_to).await?;
    let mut errors = FieldErrors::default();
    let label = txt::take(&mut errors, "label", &label, VERSION_LABEL);
    let text = txt::take(&mut errors, "text", &text, DRAFT_SOURCE);
    // The enacted text (通过稿) says when it was adopted and promulgated, and where it was
    // published officially.
    let enactment = enacted.then(|| {
        crate::domain::solicitation::enactment(
            &mut errors,
            &adopted_on,
            &promulgated_on,
            &official_url,
            &crate::domain::time::iso_date(db::now_ms()),
        )
    });
    if errors.is_empty() && intent == "save" && checked != checked_key(&form, &text) {
        errors.add(FORM, Problem::NotPreviewed);
    }
    if db::solicitations::get(&state.db, id).await?.is_none() {
        return Err(guard::fail(AppError::NotFound));
    }
    let (source, parsed) = match made_version(&state, id, &text, &form).await? {
        Ok(made) => made,
        Err((field, problem)) => {
            errors.add(&field, problem);
            (text.clone(), statute::parse(&text))
        }
    };
    let current = db::solicitations::draft(&state.db, id, None).await?;
    let mut step = None;
    if errors.is_empty() && intent == "save" {
        if let Some(cur) = &current {
            if base.as_deref().and_then(|b| b.trim().parse::<i64>().ok()) != Some(cur.info.id) {
                errors.add(
                    FORM,
                    Problem::VersionChanged {
                        version: cur.info.label.clone(),
                    },
                );
            } else {
                let pairing = trail::pairing(&cur.parsed, &parsed, &typed);
                let labels: Vec<(String, String)> = parsed
                    .articles()
                    .iter()
                    .map(|p| (p.anchor.clone(), p.label.clone()))
                    .collect();
                for (anchor, given) in &pairing.unknown {
                    let article = labels
                        .iter()
                        .find(|(a, _)| a == anchor)
                        .map(|(_, l)| l.clone())
                        .unwrap_or_default();
                    errors.add(
                        &format!("pair-{anchor}"),
                        Problem::NoSuchArticle {
                            article,
                            given: given.clone(),
                            version: cur.info.label.clone(),
                        },
                    );
                }
                step = Some((
                    cur.info.id,
                    trail::step(&cur.parsed, &parsed, &pairing.links),
                ));
            }
        }
    }
    if !errors.is_empty() || intent != "save" {
        form.errors = errors;
        return guard::bounce(&state, &form, &return_to).await;
    }
    let step = step.as_ref().map(|(base, s)| (*base, s));
    db::solicitations::add_version(
        &state.db,
        id,
        &label,
        &source,
        &parsed,
        step,
        enactment.as_ref(),
        user.id,
    )
    .await?;
    leptos_axum::redirect(&format!("/staff/solicitations/{id}?done=version"));
    Ok(())
}
