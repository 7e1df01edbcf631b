package cn.chifeng.title.security;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * Applicant accounts: Camunda users in the group {@code applicants} (one identity store, one password check for
 * every door) that hold no engine authorization at all — the grant Camunda gives every new user on their own
 * account is removed at once — and that every engine door refuses ({@link ApplicantBarrierFilter}).
 */
@Component
public class ApplicantAccounts {
    private final IdentityService identity;
    private final AuthorizationService authorizations;

    ApplicantAccounts(IdentityService identity, AuthorizationService authorizations) {
        this.identity = identity;
        this.authorizations = authorizations;
    }

    /** Creates the account if it does not exist, and makes sure it is an applicant's with no engine grants. */
    public void create(String id, String firstName, String lastName, String password, String email) {
        RunAs.system(identity, () -> {
            if (identity.createUserQuery().userId(id).count() == 0) {
                User u = identity.newUser(id);
                u.setFirstName(firstName);
                u.setLastName(lastName);
                u.setPassword(password);
                u.setEmail(email);
                identity.saveUser(u);
            }
            if (identity.createUserQuery().userId(id).memberOfGroup(Roles.APPLICANTS).count() == 0) {
                identity.createMembership(id, Roles.APPLICANTS);
            }
            authorizations.createAuthorizationQuery().userIdIn(id).list()
                    .forEach(a -> authorizations.deleteAuthorization(a.getId()));
            return null;
        });
    }
}
