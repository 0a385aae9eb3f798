//! Role policies: who may do what. The server checks these on every staff-only call; the pages
//! use them only to decide which links and forms to show.
//!
//! Staff belong either to a station (联系点) or to the district office (区人大常委会办公室, no
//! station). Station staff collect: they moderate their own station's opinions, enter opinions
//! gathered offline and run their station's sessions, deputies and appointments. What speaks for
//! the whole district is the district office's: calls for opinions and their drafts, case
//! stories, reports to the upper legislature, and recording what it adopted (采纳 / 部分采纳 /
//! 未采纳). Admins may do everything.

use super::account::{Role, StaffUser};

/// Something only some staff may do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Permission {
    /// Write, edit, publish and unpublish stories (district office).
    ManageStories,
    /// Create, disable and reset staff accounts (admins).
    ManageAccounts,
    /// Create and edit solicitations and their drafts (district office).
    ManageSolicitations,
    /// Read and moderate opinions (within the person's station), and enter offline opinions.
    HandleOpinions,
    /// Compile reports of opinions and send them upward (district office).
    ReportUpward,
    /// Record adoption outcomes of reported opinions (district office).
    RecordOutcomes,
    /// Read the audit log (admins).
    ReadAuditLog,
    /// Run consultation sessions: create them, see registrations, check people in.
    ManageConsultations,
}

/// Whether `user` holds `permission`.
pub fn permits(user: &StaffUser, permission: Permission) -> bool {
    let staff = matches!(user.role, Role::Admin | Role::Staff);
    let district = user.role == Role::Admin || user.station_id.is_none();
    match permission {
        Permission::HandleOpinions | Permission::ManageConsultations => staff,
        Permission::ManageStories
        | Permission::ManageSolicitations
        | Permission::ReportUpward
        | Permission::RecordOutcomes => staff && district,
        Permission::ManageAccounts | Permission::ReadAuditLog => user.role == Role::Admin,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn user(role: Role, station_id: Option<i64>) -> StaffUser {
        StaffUser {
            id: 1,
            username: "u".into(),
            display_name: "u".into(),
            role,
            station_id,
            personal_data: false,
        }
    }

    const ALL: [Permission; 8] = [
        Permission::ManageStories,
        Permission::ManageAccounts,
        Permission::ManageSolicitations,
        Permission::HandleOpinions,
        Permission::ReportUpward,
        Permission::RecordOutcomes,
        Permission::ReadAuditLog,
        Permission::ManageConsultations,
    ];

    #[test]
    fn district_staff_do_district_work_but_do_not_manage_accounts() {
        let u = user(Role::Staff, None);
        for p in [
            Permission::ManageStories,
            Permission::ManageSolicitations,
            Permission::HandleOpinions,
            Permission::ReportUpward,
            Permission::RecordOutcomes,
            Permission::ManageConsultations,
        ] {
            assert!(permits(&u, p), "{p:?}");
        }
        assert!(!permits(&u, Permission::ManageAccounts));
        assert!(!permits(&u, Permission::ReadAuditLog));
    }

    #[test]
    fn station_staff_collect_but_do_not_speak_for_the_district() {
        let u = user(Role::Staff, Some(3));
        assert!(permits(&u, Permission::HandleOpinions));
        assert!(permits(&u, Permission::ManageConsultations));
        for p in [
            Permission::ManageStories,
            Permission::ManageSolicitations,
            Permission::ReportUpward,
            Permission::RecordOutcomes,
            Permission::ManageAccounts,
            Permission::ReadAuditLog,
        ] {
            assert!(!permits(&u, p), "{p:?}");
        }
    }

    #[test]
    fn admins_may_do_everything() {
        for station in [None, Some(3)] {
            for p in ALL {
                assert!(permits(&user(Role::Admin, station), p));
            }
        }
    }
}
