//! Delivering the notification outbox: each message due is written from its opinion's state at
//! that moment and sent by e-mail when the resident gave an address and a mail server is
//! configured; otherwise it is kept for staff to deliver by hand. A worker in every serving
//! instance does this every half minute; claiming a message first keeps two instances from
//! sending it twice.

use super::db::{self, notifications::Outcome, Db};
use super::state::AppState;
use crate::domain::opinion::OpinionStatus;
use lettre::message::{header::ContentType, Mailbox};
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};

/// An SMTP connection pool and the sender's address.
#[derive(Clone)]
pub struct Mailer {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
}

impl Mailer {
    /// The mailer `MINYI_SMTP_URL` and `MINYI_MAIL_FROM` describe; `None` when no server is set.
    pub fn from_config(c: &super::config::Config) -> Result<Option<Mailer>, String> {
        let Some(url) = &c.smtp_url else {
            return Ok(None);
        };
        let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(url)
            .map_err(|e| format!("MINYI_SMTP_URL 无法使用：{e}"))?
            .build();
        let from: Mailbox = c
            .mail_from
            .parse()
            .map_err(|e| format!("MINYI_MAIL_FROM 不是有效的发件人：{e}"))?;
        Ok(Some(Mailer { transport, from }))
    }

    async fn send(&self, to: &str, subject: &str, body: &str) -> Result<(), String> {
        let to: Mailbox = to.parse().map_err(|e| format!("{e}"))?;
        let message = Message::builder()
            .from(self.from.clone())
            .to(to)
            .subject(subject)
            .header(ContentType::TEXT_PLAIN)
            .body(body.to_string())
            .map_err(|e| e.to_string())?;
        self.transport
            .send(message)
            .await
            .map(|_| ())
            .map_err(|e| e.to_string())
    }
}

/// How many messages one round sent, kept for staff, and failed to send.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Delivered {
    pub sent: usize,
    pub kept: usize,
    pub failed: usize,
}

/// Delivers the messages due at `now`; links point to `site_url`.
pub async fn deliver_due(
    db: &Db,
    mailer: Option<&Mailer>,
    site_url: &str,
    now: i64,
) -> Result<Delivered, sqlx::Error> {
    let mut done = Delivered::default();
    for due in db::notifications::claim_due(db, now, 10 * 60 * 1000, 100).await? {
        // In the language the resident wrote in.
        let t = crate::i18n::texts(crate::i18n::Locale::from_tag(&due.lang).unwrap_or_default());
        let status = OpinionStatus::from_code(&due.status).unwrap_or(OpinionStatus::Pending);
        let link = format!("{site_url}/track/{}?k={}", due.code, due.access_key);
        let subject = (t.nt_subject)(&due.code);
        let body = (t.nt_body)(
            &due.title,
            &due.code,
            (t.opinion_status)(status),
            due.note.as_deref().unwrap_or(""),
            &link,
        );
        let (outcome, error) = match mailer {
            Some(m) if !due.email.is_empty() => match m.send(&due.email, &subject, &body).await {
                Ok(()) => (Outcome::Sent, String::new()),
                Err(e) => (Outcome::Failed, e),
            },
            _ => (Outcome::Kept, String::new()),
        };
        match outcome {
            Outcome::Sent => done.sent += 1,
            Outcome::Kept => done.kept += 1,
            Outcome::Failed => done.failed += 1,
        }
        db::notifications::finish(db, due.id, outcome, &due.email, &subject, &body, &error).await?;
    }
    db::consultations::queue_reminders(db, now).await?;
    db::deputies::queue_reminders(db, now).await?;
    for m in db::messages::claim_due(db, now, 10 * 60 * 1000, 100).await? {
        // The private link goes with the text, in the e-mail and on the letter staff print.
        let body = format!("{}\n\n{site_url}{}", m.body, m.link);
        let (outcome, error) = match mailer {
            Some(mailer) if !m.email.is_empty() => {
                match mailer.send(&m.email, &m.subject, &body).await {
                    Ok(()) => (Outcome::Sent, String::new()),
                    Err(e) => (Outcome::Failed, e),
                }
            }
            _ => (Outcome::Kept, String::new()),
        };
        match outcome {
            Outcome::Sent => done.sent += 1,
            Outcome::Kept => done.kept += 1,
            Outcome::Failed => done.failed += 1,
        }
        db::messages::finish(db, m.id, outcome, &body, &error).await?;
    }
    Ok(done)
}

/// Runs [`deliver_due`] and the purge of what expired every 30 seconds, and folds the statistics'
/// deltas and brings the search index up to date every 5, for as long as the server runs.
pub fn spawn(state: AppState, mailer: Option<Mailer>) {
    // The statistics' deltas are folded into their tallies every few seconds, so readers add
    // few of them.
    let db = state.db.clone();
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(std::time::Duration::from_secs(5));
        loop {
            tick.tick().await;
            if let Err(e) = db::stats::fold(&db).await {
                tracing::warn!(error = %e, "statistics not folded this round");
            }
            if let Err(e) = db::search::flush(&db).await {
                tracing::warn!(error = %e, "search index not brought up to date this round");
            }
        }
    });
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(std::time::Duration::from_secs(30));
        loop {
            tick.tick().await;
            match deliver_due(
                &state.db,
                mailer.as_ref(),
                &state.config.site_url,
                db::now_ms(),
            )
            .await
            {
                Ok(d) if d.sent + d.kept + d.failed > 0 => {
                    tracing::info!(
                        sent = d.sent,
                        kept = d.kept,
                        failed = d.failed,
                        "notifications"
                    )
                }
                Ok(_) => {}
                Err(e) => tracing::warn!(error = %e, "notifications not delivered this round"),
            }
            if let Err(e) = db::purge_expired(&state.db, db::now_ms()).await {
                tracing::warn!(error = %e, "expired drafts and counters not purged this round");
            }
        }
    });
}
