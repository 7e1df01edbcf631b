package cn.chifeng.title.support;

import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;

import cn.chifeng.title.security.ApplicantAccounts;
import cn.chifeng.title.security.RunAs;

/** Test users created on demand (password {@value #PASSWORD}); a reviewer's id is the id of the group they belong to. */
public class TestUsers {
    public static final String PASSWORD = "pw";
    public static final String ADMIN = "admin";

    private final IdentityService identity;
    private final ApplicantAccounts applicants;

    TestUsers(IdentityService identity, ApplicantAccounts applicants) {
        this.identity = identity;
        this.applicants = applicants;
    }

    /** A user with the given id in the given groups (created if missing). */
    public synchronized String user(String id, String... groups) {
        if (identity.createUserQuery().userId(id).count() == 0) {
            User u = identity.newUser(id);
            u.setFirstName(id);
            u.setLastName("测试");
            u.setPassword(PASSWORD);
            identity.saveUser(u);
        }
        for (String g : groups) {
            if (identity.createUserQuery().userId(id).memberOfGroup(g).count() == 0) {
                identity.createMembership(id, g);
            }
        }
        return id;
    }

    /** The reviewer of an organisation group: user id = group id. */
    public String reviewer(String group) {
        return user(group, group);
    }

    /** An applicant account, made as the product makes them: no engine authorization at all. */
    public synchronized String applicant(String id) {
        applicants.create(id, id, "申报人", PASSWORD, null);
        return id;
    }

    /** Runs the product's code as the API does for this caller: Spring Security knows the user, the engine does not. */
    public <T> T api(String user, Supplier<T> action) {
        return RunAs.caller(identity, user, action);
    }

    /** Runs the action authenticated on the engine as the user, as Tasklist and /engine-rest do. */
    public <T> T as(String user, Supplier<T> action) {
        return RunAs.user(identity, user, action);
    }

    public void as(String user, Runnable action) {
        as(user, () -> {
            action.run();
            return null;
        });
    }
}
