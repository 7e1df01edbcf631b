package cn.chifeng.title.account;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.chifeng.title.application.ResidentIdNumber;
import cn.chifeng.title.common.ApiException;
import cn.chifeng.title.common.Texts;
import cn.chifeng.title.common.Zones;
import cn.chifeng.title.notification.NotificationOutbox;
import cn.chifeng.title.organisation.OrganisationDirectory;
import cn.chifeng.title.organisation.OrganisationDirectory.BodyKind;
import cn.chifeng.title.process.IdDisputeProcess;
import cn.chifeng.title.process.IdDisputeProcess.Vars;
import cn.chifeng.title.security.RunAs;

/**
 * 身份证号申诉: a person whose 身份证号 another account holds files a dispute without an account; the account is frozen
 * and the county HR bureau the person chose verifies who owns the number (task 身份证号申诉核查 of process
 * {@code IdDispute}). The claimant (the number is released from the account) or the holder (it stays) — either way
 * the account is unfrozen and both are told by e-mail. Neither learns the other's contact details from the product.
 */
@Service
public class IdDisputeService {
    static final int STATEMENT_LIMIT = 2000;
    static final int NOTE_LIMIT = 500;
    private static final Pattern PERSON = Pattern.compile("[\\p{IsHan}·A-Za-z ]{2,50}");
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final IdDisputes disputes;
    private final Accounts accounts;
    private final OrganisationDirectory organisations;
    private final RuntimeService runtime;
    private final IdentityService identity;
    private final NotificationOutbox outbox;
    private final Clock clock;
    private final String baseUrl;

    IdDisputeService(IdDisputes disputes, Accounts accounts, OrganisationDirectory organisations,
                     RuntimeService runtime, IdentityService identity, NotificationOutbox outbox, Clock clock,
                     @Value("${title.portal.base-url}") String baseUrl) {
        this.disputes = disputes;
        this.accounts = accounts;
        this.organisations = organisations;
        this.runtime = runtime;
        this.identity = identity;
        this.outbox = outbox;
        this.clock = clock;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /** What a claimant types on the dispute page. */
    public record Filing(String name, String idNumber, String phone, String email, String county, String statement) {
    }

    /** A filed dispute as the claimant's confirmation page shows it. */
    public record Filed(long id, String countyHrName, String claimantEmail) {
    }

    /**
     * Files a dispute: 400 naming every wrong field (a 身份证号 no account holds is one: register normally), 409
     * {@code ID_DISPUTE_OPEN} when the number is already under dispute. Freezes the account and starts the check.
     */
    @Transactional
    public Filed file(Filing f) {
        List<ApiException.FieldError> errors = new ArrayList<>();
        String name = text(errors, "name", f.name(), "姓名", 50);
        if (name != null && !PERSON.matcher(name).matches()) {
            errors.add(new ApiException.FieldError("name", "姓名应为2至50个汉字或字母（少数民族姓名可用“·”）"));
        }
        String idNumber = f.idNumber() == null ? null : f.idNumber().trim().toUpperCase(Locale.ROOT);
        String idProblem = ResidentIdNumber.problem(idNumber);
        Accounts.Account holder = null;
        if (idProblem != null) {
            errors.add(new ApiException.FieldError("idNumber", idProblem));
        } else {
            holder = accounts.byIdNumber(idNumber).orElse(null);
            if (holder == null) {
                errors.add(new ApiException.FieldError("idNumber", "该身份证号码尚未被注册，无须申诉，请直接注册账号"));
            }
        }
        String phone = f.phone() == null ? null : f.phone().trim();
        if (phone == null || !AccountService.PHONE.matcher(phone).matches()) {
            errors.add(new ApiException.FieldError("phone", "请填写11位手机号码，核查人员将与您联系"));
        }
        String email = f.email() == null ? null : f.email().trim().toLowerCase(Locale.ROOT);
        if (email == null || !AccountService.EMAIL.matcher(email).matches()) {
            errors.add(new ApiException.FieldError("email", "请填写有效的电子邮箱，用于接收核查结果"));
        }
        var county = f.county() == null ? null : organisations.county(f.county()).orElse(null);
        var bureau = county == null ? null : organisations.countyBody(county.code(), BodyKind.COUNTY_HR).orElse(null);
        if (bureau == null) {
            errors.add(new ApiException.FieldError("county", "请选择您户籍或工作所在的旗县区，由该旗县区人社局核查"));
        }
        String statement = text(errors, "statement", f.statement(), "申诉说明", STATEMENT_LIMIT);
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        if (disputes.openFor(idNumber).isPresent()) {
            throw open();
        }
        OffsetDateTime now = Zones.now(clock);
        long id = disputes.insert(idNumber, holder.userId(), name, phone, email, county.code(), statement, now);
        // the update decides when two disputes of one number race
        if (!accounts.freeze(holder.userId(), "身份证号码被他人申诉，正在由" + bureau.name() + "核查（申诉编号 " + id
                + "）；核查结束前不能登录，如有疑问请联系该局")) {
            throw open();
        }
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put(Vars.DISPUTE_ID, id);
        variables.put(Vars.COUNTY_HR_GROUP, bureau.id());
        variables.put(Vars.COUNTY_NAME, county.name());
        variables.put(Vars.ID_NUMBER, idNumber);
        variables.put(Vars.CLAIMANT_NAME, name);
        variables.put(Vars.CLAIMANT_PHONE, phone);
        variables.put(Vars.CLAIMANT_EMAIL, email);
        variables.put(Vars.STATEMENT, statement);
        variables.put(Vars.FILED_AT, MINUTE.format(now));
        // the county needs to know whom to call, not how to log in as them: name and a masked mobile only
        variables.put(Vars.HOLDER_NAME, holder.name());
        variables.put(Vars.HOLDER_PHONE_MASKED, maskedPhone(holder.phone()));
        variables.put(Vars.HOLDER_REGISTERED_AT, MINUTE.format(holder.createdAt()));
        // the claimant is nobody to the engine: the product starts the check as the system
        var instance = RunAs.system(identity, () -> runtime.startProcessInstanceByKey(IdDisputeProcess.KEY,
                "dispute-" + id, variables));
        disputes.processStarted(id, instance.getId());
        Map<String, String> values = values(id, name, holder.name(), idNumber, bureau.name(), null);
        outbox.enqueue("ID_DISPUTE_FILED", null, null, email, values);
        outbox.enqueue("ID_DISPUTE_ACCOUNT_FROZEN", null, holder.userId(), holder.email(), values);
        return new Filed(id, bureau.name(), email);
    }

    /**
     * Records the county's finding on an open dispute: {@code CLAIMANT} releases the number from the account,
     * {@code HOLDER} leaves it; the account is unfrozen either way and both parties are sent the note.
     */
    @Transactional
    public void resolve(long disputeId, String outcome, String note, String resolvedBy) {
        if (!Vars.CLAIMANT.equals(outcome) && !Vars.HOLDER.equals(outcome)) {
            throw new IllegalArgumentException("请选择核查结论（归申诉人或归原账号）");
        }
        String problem = Texts.problem(note, "核查情况", NOTE_LIMIT, true);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        IdDisputes.Dispute d = disputes.find(disputeId).orElseThrow(
                () -> new IllegalStateException("没有身份证号申诉 " + disputeId));
        if (!disputes.resolve(d.id(), outcome, note.trim(), resolvedBy, Zones.now(clock))) {
            throw new IllegalStateException("身份证号申诉 " + disputeId + " 已处理");
        }
        boolean claimantOwns = Vars.CLAIMANT.equals(outcome);
        accounts.unfreeze(d.disputedUserId(), claimantOwns);
        Accounts.Account holder = accounts.find(d.disputedUserId()).orElseThrow();
        String bureau = organisations.countyBody(d.county(), BodyKind.COUNTY_HR).map(OrganisationDirectory.Body::name)
                .orElse("旗县区人社局");
        Map<String, String> values = values(d.id(), d.claimantName(), holder.name(), d.idNumber(), bureau, note.trim());
        outbox.enqueue(claimantOwns ? "ID_DISPUTE_UPHELD" : "ID_DISPUTE_NOT_UPHELD", null, null, d.claimantEmail(),
                values);
        outbox.enqueue(claimantOwns ? "ID_DISPUTE_NUMBER_RELEASED" : "ID_DISPUTE_NUMBER_KEPT", null, holder.userId(),
                holder.email(), values);
    }

    private Map<String, String> values(long id, String claimantName, String holderName, String idNumber,
                                       String bureau, String note) {
        Map<String, String> v = new HashMap<>();
        v.put("disputeId", Long.toString(id));
        v.put("claimantName", claimantName);
        v.put("holderName", holderName);
        v.put("idNumberMasked", maskedIdNumber(idNumber));
        v.put("bureau", bureau);
        v.put("note", note == null ? "" : note);
        v.put("registerLink", baseUrl + "/portal/register");
        v.put("loginLink", baseUrl + "/portal/login");
        return v;
    }

    private static ApiException open() {
        return ApiException.conflict("ID_DISPUTE_OPEN", "该身份证号码已有申诉正在核查中，请等待旗县区人社局的核查结果，无须重复申诉");
    }

    /** {@code 139****1234}: enough for a person to recognise their number, not to call it. */
    static String maskedPhone(String phone) {
        return phone == null || phone.length() != 11 ? "" : phone.substring(0, 3) + "****" + phone.substring(7);
    }

    /** {@code 150402********0012}: the region and the last four. */
    static String maskedIdNumber(String idNumber) {
        return idNumber == null || idNumber.length() != 18 ? "" : idNumber.substring(0, 6) + "********"
                + idNumber.substring(14);
    }

    private static String text(List<ApiException.FieldError> errors, String field, String value, String what, int max) {
        String problem = Texts.problem(value, what, max, true);
        if (problem != null) {
            errors.add(new ApiException.FieldError(field, problem));
            return null;
        }
        return value.trim();
    }
}
