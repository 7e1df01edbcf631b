package cn.chifeng.title.employer;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import cn.chifeng.title.common.Texts;
import cn.chifeng.title.common.Zones;
import cn.chifeng.title.notification.NotificationOutbox;
import cn.chifeng.title.organisation.EmployerRegister;
import cn.chifeng.title.organisation.EmployerRegister.Registration;
import cn.chifeng.title.organisation.OrganisationDirectory;
import cn.chifeng.title.security.OrganisationAccess;
import cn.chifeng.title.security.RunAs;

/**
 * What the reviewer's decision on a registration makes happen. Approval: the unit is APPROVED (so a 用人单位 of the
 * directory on every node), its reviewers' group gets what a seed unit gets at start-up ({@link OrganisationAccess}),
 * and its clerk an account in that group whose initial password goes to the clerk's e-mail. Rejection: the reason is
 * recorded and sent; the unit may register again.
 */
@Component
public class EmployerDecisions {
    static final String CLERK_PREFIX = "clerk-";
    static final int REASON_LIMIT = 500;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private final EmployerRegister register;
    private final OrganisationAccess access;
    private final OrganisationDirectory organisations;
    private final IdentityService identity;
    private final NotificationOutbox outbox;
    private final Clock clock;
    private final String baseUrl;

    EmployerDecisions(EmployerRegister register, OrganisationAccess access, OrganisationDirectory organisations,
                      IdentityService identity, NotificationOutbox outbox, Clock clock,
                      @Value("${title.portal.base-url}") String baseUrl) {
        this.register = register;
        this.access = access;
        this.organisations = organisations;
        this.identity = identity;
        this.outbox = outbox;
        this.clock = clock;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /** The clerk's user id of a unit: {@code clerk-} and the code in lower case (the engine's id rule). */
    static String clerkOf(String code) {
        return CLERK_PREFIX + code.toLowerCase(Locale.ROOT);
    }

    /** Approves a pending registration; returns the clerk's user id. */
    public String approve(long registrationId, String decidedBy) {
        Registration r = pending(registrationId);
        String clerk = clerkOf(r.code());
        OffsetDateTime now = Zones.now(clock);
        if (!register.approve(r.id(), decidedBy, clerk, now)) {
            throw new IllegalStateException("单位注册 " + r.id() + " 已处理");
        }
        access.addOrganisation(r.group(), r.name());
        String password = RunAs.system(identity, () -> clerkAccount(clerk, r));
        Map<String, String> values = values(r);
        values.put("userId", clerk);
        values.put("password", password == null ? "（沿用原密码）" : password);
        values.put("link", baseUrl + "/camunda/app/tasklist/");
        outbox.enqueue("EMPLOYER_REGISTERED", null, clerk, r.clerkEmail(), values);
        return clerk;
    }

    /** Rejects a pending registration with the reason, which the clerk is sent. */
    public void reject(long registrationId, String decidedBy, String reason) {
        String problem = Texts.problem(reason, "不予通过的理由", REASON_LIMIT, true);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        Registration r = pending(registrationId);
        if (!register.reject(r.id(), decidedBy, reason.trim(), Zones.now(clock))) {
            throw new IllegalStateException("单位注册 " + r.id() + " 已处理");
        }
        Map<String, String> values = values(r);
        values.put("reason", reason.trim());
        values.put("link", baseUrl + "/portal/employers/register");
        outbox.enqueue("EMPLOYER_REGISTRATION_REJECTED", null, null, r.clerkEmail(), values);
    }

    private Registration pending(long id) {
        Registration r = register.find(id).orElseThrow(() -> new IllegalStateException("没有单位注册 " + id));
        if (!EmployerRegister.PENDING.equals(r.status())) {
            throw new IllegalStateException("单位注册 " + id + " 已处理（" + r.status() + "）");
        }
        return r;
    }

    private Map<String, String> values(Registration r) {
        Map<String, String> values = new java.util.HashMap<>();
        values.put("clerkName", r.clerkName());
        values.put("employerName", r.name());
        values.put("creditCode", r.code());
        values.put("reviewerName", organisations.groupName(r.reviewerGroup()));
        return values;
    }

    /** Creates the clerk's account in the unit's group; returns its initial password, null if it existed. */
    private String clerkAccount(String clerk, Registration r) {
        String password = null;
        if (identity.createUserQuery().userId(clerk).count() == 0) {
            password = password();
            User u = identity.newUser(clerk);
            u.setFirstName(r.clerkName().substring(0, 1));
            u.setLastName(r.clerkName().substring(1).trim());
            u.setEmail(r.clerkEmail());
            u.setPassword(password);
            identity.saveUser(u);
        }
        if (identity.createUserQuery().userId(clerk).memberOfGroup(r.group()).count() == 0) {
            identity.createMembership(clerk, r.group());
        }
        return password;
    }

    private static String password() {
        StringBuilder p = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            p.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        // at least one letter and one digit, as the portal's password rule asks
        return p.append(RANDOM.nextInt(10)).append("a").toString();
    }
}
