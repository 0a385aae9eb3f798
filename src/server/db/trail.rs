//! The lineage of a draft's articles across its versions, read from the alignments stored with
//! each version, and the per-article counts of opinions by the version they were given on.

use super::solicitations::ACCEPTED_SQL;
use super::Db;
use crate::domain::statute::ParsedDraft;
use crate::domain::trail::{aligned, Lineage, Step, Version};

/// The versions of solicitation `id`'s draft, oldest first, each with its alignment to the one
/// before. A version saved before alignments were stored is aligned here, as saving would have.
pub async fn lineage(db: &Db, id: i64) -> Result<Lineage, sqlx::Error> {
    let rows: Vec<(i64, String, Option<String>)> = sqlx::query_as(
        "SELECT id, label, links_json FROM draft_versions WHERE solicitation_id = $1 ORDER BY id",
    )
    .bind(id)
    .fetch_all(&db.pool)
    .await?;
    let mut versions = Vec::with_capacity(rows.len());
    for (k, (vid, label, json)) in rows.iter().enumerate() {
        let stored = json
            .as_deref()
            .and_then(|j| serde_json::from_str::<Step>(j).ok());
        let step = match stored {
            Some(s) => s,
            None if k == 0 => Vec::new(),
            None => computed(db, rows[k - 1].0, *vid).await?,
        };
        versions.push(Version {
            id: *vid,
            label: label.clone(),
            step,
        });
    }
    Ok(Lineage { versions })
}

async fn parsed(db: &Db, version: i64) -> Result<Option<ParsedDraft>, sqlx::Error> {
    let json: Option<String> =
        sqlx::query_scalar("SELECT parsed_json FROM draft_versions WHERE id = $1")
            .bind(version)
            .fetch_optional(&db.pool)
            .await?;
    Ok(json.and_then(|j| serde_json::from_str(&j).ok()))
}

async fn computed(db: &Db, old: i64, new: i64) -> Result<Step, sqlx::Error> {
    Ok(match (parsed(db, old).await?, parsed(db, new).await?) {
        (Some(a), Some(b)) => aligned(&a, &b),
        _ => Vec::new(),
    })
}

/// Accepted opinions of solicitation `id` per version and target: `(version, target, n)`,
/// version 0 for those given where there was no draft.
pub async fn accepted_counts(db: &Db, id: i64) -> Result<Vec<(i64, String, i64)>, sqlx::Error> {
    sqlx::query_as(&format!(
        "SELECT draft_version_id, target, CAST(SUM(n) AS BIGINT) FROM {} t \
         WHERE solicitation_id = $1 AND status IN {ACCEPTED_SQL} \
         GROUP BY draft_version_id, target HAVING SUM(n) > 0",
        super::stats::TARGET_TALLIES
    ))
    .bind(id)
    .fetch_all(&db.pool)
    .await
}
