//! Role policies: which role may do what. The server checks these on every staff-only call; the
//! pages use them only to decide which links to show.

use super::account::Role;

/// Something only staff may do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Permission {
    /// Write, edit, publish and unpublish stories.
    ManageStories,
    /// Create, disable and reset staff accounts.
    ManageAccounts,
    /// Create and edit solicitations and their drafts.
    ManageSolicitations,
    /// Read opinions with their submitters' contact details, and enter offline opinions.
    HandleOpinions,
    /// Read the audit log.
    ReadAuditLog,
    /// Run consultation sessions: create them, see registrations, check people in.
    ManageConsultations,
}

/// Whether `role` holds `permission`.
pub fn allows(role: Role, permission: Permission) -> bool {
    match permission {
        Permission::ManageStories
        | Permission::ManageSolicitations
        | Permission::HandleOpinions
        | Permission::ManageConsultations => {
            matches!(role, Role::Admin | Role::Staff)
        }
        Permission::ManageAccounts | Permission::ReadAuditLog => role == Role::Admin,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn staff_write_stories_but_do_not_manage_accounts() {
        assert!(allows(Role::Staff, Permission::ManageStories));
        assert!(!allows(Role::Staff, Permission::ManageAccounts));
        assert!(!allows(Role::Staff, Permission::ReadAuditLog));
    }

    #[test]
    fn admins_may_do_everything() {
        for p in [
            Permission::ManageStories,
            Permission::ManageAccounts,
            Permission::ManageSolicitations,
            Permission::HandleOpinions,
            Permission::ReadAuditLog,
            Permission::ManageConsultations,
        ] {
            assert!(allows(Role::Admin, p));
        }
    }
}
