package cn.chifeng.title.account;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.IdentityService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.chifeng.title.application.ResidentIdNumber;
import cn.chifeng.title.common.ApiException;
import cn.chifeng.title.common.Texts;
import cn.chifeng.title.common.Zones;
import cn.chifeng.title.notification.NotificationOutbox;
import cn.chifeng.title.security.AccountGate;
import cn.chifeng.title.security.ApplicantAccounts;
import cn.chifeng.title.security.LoginNames;
import cn.chifeng.title.security.RunAs;

/**
 * Self-registration of applicants (an applicant account: Camunda user in {@code applicants}, no engine grant), the
 * e-mail confirmation that must come before the first login, password reset by e-mail, and login by 身份证号, mobile
 * or e-mail. Links are sent through the notification outbox (SMTP when configured, otherwise the log).
 */
@Service
public class AccountService implements LoginNames, AccountGate {
    private static final Logger LOG = LoggerFactory.getLogger(AccountService.class);
    static final Pattern PHONE = Pattern.compile("1[3-9]\\d{9}");
    static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9.-]{1,190}\\.[A-Za-z]{2,24}");
    static final Duration CONFIRM_VALID = Duration.ofHours(24);
    static final Duration RESET_VALID = Duration.ofHours(1);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789";

    private final Accounts accounts;
    private final AccountTokens tokens;
    private final ApplicantAccounts applicantAccounts;
    private final IdentityService identity;
    private final NotificationOutbox outbox;
    private final Clock clock;
    private final String baseUrl;

    AccountService(Accounts accounts, AccountTokens tokens, ApplicantAccounts applicantAccounts,
                   IdentityService identity, NotificationOutbox outbox, Clock clock,
                   @Value("${title.portal.base-url}") String baseUrl) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.applicantAccounts = applicantAccounts;
        this.identity = identity;
        this.outbox = outbox;
        this.clock = clock;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /** What a person types to register. */
    public record Registration(String name, String idNumber, String phone, String email, String password,
                               String passwordConfirm) {
    }

    /**
     * Registers an applicant: 400 with every wrong field; 409 {@code ID_NUMBER_REGISTERED} when another account holds
     * the 身份证号 (the person may dispute it). The account cannot log in until the e-mail link is followed.
     */
    @Transactional
    public Accounts.Account register(Registration r) {
        List<ApiException.FieldError> errors = new ArrayList<>();
        String name = field(errors, "name", r.name(), "姓名", 50);
        if (name != null && !name.matches("[\\p{IsHan}·A-Za-z ]{2,50}")) {
            errors.add(new ApiException.FieldError("name", "姓名应为2至50个汉字或字母（少数民族姓名可用“·”）"));
        }
        String idNumber = r.idNumber() == null ? null : r.idNumber().trim().toUpperCase(Locale.ROOT);
        String idProblem = ResidentIdNumber.problem(idNumber);
        if (idProblem != null) {
            errors.add(new ApiException.FieldError("idNumber", idProblem));
        }
        String phone = r.phone() == null ? null : r.phone().trim();
        if (phone == null || !PHONE.matcher(phone).matches()) {
            errors.add(new ApiException.FieldError("phone", "请填写11位手机号码"));
        } else if (accounts.byPhone(phone).isPresent()) {
            errors.add(new ApiException.FieldError("phone", "该手机号码已注册，可直接登录或找回密码"));
        }
        String email = r.email() == null ? null : r.email().trim().toLowerCase(Locale.ROOT);
        if (email == null || !EMAIL.matcher(email).matches()) {
            errors.add(new ApiException.FieldError("email", "请填写有效的电子邮箱，用于接收确认链接和审核通知"));
        } else if (accounts.byEmail(email).isPresent()) {
            errors.add(new ApiException.FieldError("email", "该邮箱已注册，可直接登录或找回密码"));
        }
        String passwordProblem = PasswordRules.problem(r.password(), idNumber, phone);
        if (passwordProblem != null) {
            errors.add(new ApiException.FieldError("password", passwordProblem));
        } else if (!r.password().equals(r.passwordConfirm())) {
            errors.add(new ApiException.FieldError("passwordConfirm", "两次输入的密码不一致"));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        if (accounts.byIdNumber(idNumber).isPresent()) {
            throw ApiException.conflict("ID_NUMBER_REGISTERED", "该身份证号码已被注册。如果不是您本人注册的，可以提出申诉，"
                    + "由所在旗县区人社局核实；核实期间该账号冻结");
        }
        String userId = newUserId();
        OffsetDateTime now = Zones.now(clock);
        accounts.insert(new Accounts.Account(userId, name, idNumber, phone, email, null, null, now));
        applicantAccounts.create(userId, name.substring(0, 1), name.substring(1).trim(), r.password(), email);
        sendConfirmation(userId, name, email, now);
        return accounts.find(userId).orElseThrow();
    }

    private void sendConfirmation(String userId, String name, String email, OffsetDateTime now) {
        String token = tokens.issue(userId, AccountTokens.Purpose.CONFIRM, now, CONFIRM_VALID);
        outbox.enqueue("ACCOUNT_CONFIRM", null, userId, email, Map.of("name", name,
                "link", baseUrl + "/portal/confirm/" + token, "hours", Long.toString(CONFIRM_VALID.toHours())));
    }

    /** Sends a new confirmation link to an unconfirmed account's e-mail (the old link stops working). */
    @Transactional
    public void resendConfirmation(String loginName) {
        Optional<Accounts.Account> a = Optional.ofNullable(userIdOf(loginName)).flatMap(accounts::find)
                .filter(x -> !x.confirmed());
        a.ifPresent(x -> sendConfirmation(x.userId(), x.name(), x.email(), Zones.now(clock)));
    }

    /** Follows a confirmation link: true when it confirmed (or had confirmed) the account. */
    @Transactional
    public boolean confirm(String token) {
        OffsetDateTime now = Zones.now(clock);
        Optional<String> user = tokens.consume(token, AccountTokens.Purpose.CONFIRM, now);
        user.ifPresent(u -> accounts.confirmEmail(u, now));
        return user.isPresent();
    }

    /**
     * Sends a reset link if the e-mail belongs to an account; says nothing either way (no probing of addresses).
     */
    @Transactional
    public void requestPasswordReset(String email) {
        if (email == null || !EMAIL.matcher(email.trim()).matches()) {
            throw ApiException.invalid("email", "请填写注册时使用的电子邮箱");
        }
        accounts.byEmail(email.trim()).ifPresent(a -> {
            String token = tokens.issue(a.userId(), AccountTokens.Purpose.RESET, Zones.now(clock), RESET_VALID);
            outbox.enqueue("PASSWORD_RESET", null, a.userId(), a.email(), Map.of("name", a.name(),
                    "link", baseUrl + "/portal/password/reset/" + token,
                    "minutes", Long.toString(RESET_VALID.toMinutes())));
        });
    }

    public boolean resetLinkValid(String token) {
        return tokens.valid(token, AccountTokens.Purpose.RESET, Zones.now(clock));
    }

    /** Sets a new password by a reset link (which also confirms the e-mail it was sent to). */
    @Transactional
    public void resetPassword(String token, String password, String passwordConfirm) {
        OffsetDateTime now = Zones.now(clock);
        if (!tokens.valid(token, AccountTokens.Purpose.RESET, now)) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "LINK_INVALID", "重置链接无效或已过期，请重新申请");
        }
        String userId = tokens.consume(token, AccountTokens.Purpose.RESET, now).orElseThrow(() ->
                new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "LINK_INVALID", "重置链接无效或已过期，请重新申请"));
        Accounts.Account a = accounts.find(userId).orElseThrow();
        String problem = PasswordRules.problem(password, a.idNumber(), a.phone());
        if (problem != null) {
            throw ApiException.invalid("password", problem);
        }
        if (!password.equals(passwordConfirm)) {
            throw ApiException.invalid("passwordConfirm", "两次输入的密码不一致");
        }
        RunAs.system(identity, () -> {
            var u = identity.createUserQuery().userId(userId).singleResult();
            u.setPassword(password);
            identity.saveUser(u);
            return null;
        });
        accounts.confirmEmail(userId, now);
        LOG.info("账号 {} 已通过邮件链接重置密码", userId);
    }

    @Override
    public String userIdOf(String loginName) {
        if (loginName == null || loginName.isBlank()) {
            return null;
        }
        String n = loginName.trim();
        Optional<Accounts.Account> a;
        if (n.contains("@")) {
            a = accounts.byEmail(n);
        } else if (PHONE.matcher(n).matches()) {
            a = accounts.byPhone(n);
        } else if (n.length() == 18) {
            a = accounts.byIdNumber(n);
        } else {
            return null;
        }
        return a.map(Accounts.Account::userId).orElse(null);
    }

    @Override
    public String refusal(String userId) {
        return accounts.find(userId).map(a -> {
            if (a.frozenReason() != null) {
                return "账号已冻结：" + a.frozenReason();
            }
            return a.confirmed() ? null : "请先点击注册确认邮件中的链接完成邮箱确认（未收到可在登录页重新发送）";
        }).orElse(null);
    }

    private static String field(List<ApiException.FieldError> errors, String field, String value, String what,
                                int max) {
        String problem = Texts.problem(value, what, max, true);
        if (problem != null) {
            errors.add(new ApiException.FieldError(field, problem));
            return null;
        }
        return value.trim();
    }

    private static String newUserId() {
        StringBuilder b = new StringBuilder("u");
        for (int i = 0; i < 11; i++) {
            b.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return b.toString();
    }
}
