package cn.chifeng.title.certificate;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.chifeng.title.application.ApplicationRecord;
import cn.chifeng.title.application.ApplicationRepository;
import cn.chifeng.title.application.ApplicationStatus;
import cn.chifeng.title.application.Dossiers;
import cn.chifeng.title.code.Level;
import cn.chifeng.title.code.Series;
import cn.chifeng.title.common.ApiException;
import cn.chifeng.title.common.Ids;
import cn.chifeng.title.common.Texts;
import cn.chifeng.title.common.Zones;
import cn.chifeng.title.credit.CreditArchive;
import cn.chifeng.title.organisation.OrganisationDirectory;

/**
 * Issuing, finding and revoking result certificates (PUB-3, SUP-1). The methods do not ask who calls: the doors
 * ({@code CertificateController}) and the committee stage check that before they call.
 */
@Service
public class Certificates {
    /** The kind of the credit-archive record a revocation leaves (通知 六(二): 违规取得的职称予以撤销，记入诚信档案库). */
    public static final String CREDIT_KIND = "TITLE_REVOKED";
    static final String NOT_FOUND = "CERTIFICATE_NOT_FOUND";
    static final String NOT_FOUND_MESSAGE = "未查到该证书编号，证书可能是伪造的";

    private final CertificateRepository certificates;
    private final ApplicationRepository applications;
    private final Dossiers dossiers;
    private final OrganisationDirectory organisations;
    private final CreditArchive credit;
    private final Clock clock;

    Certificates(CertificateRepository certificates, ApplicationRepository applications, Dossiers dossiers,
                 OrganisationDirectory organisations, CreditArchive credit, Clock clock) {
        this.certificates = certificates;
        this.applications = applications;
        this.dossiers = dossiers;
        this.organisations = organisations;
        this.credit = credit;
        this.clock = clock;
    }

    /**
     * Issues the result certificate of a passed application, or returns the one it already has: issuing is
     * idempotent per application (a second call with other arguments changes nothing). The committee stage calls
     * this once the result is confirmed.
     *
     * @param applicationId an application in status {@code PASSED} (404 if unknown, 409 otherwise)
     * @param sessionId     the evaluation session that passed it, or null when issued without one
     * @param passedOn      the day the committee passed it (required, not in the future; printed on the certificate)
     * @return the certificate, with its new number ({@code ZS<season>-} + 20 random characters)
     */
    @Transactional
    public Certificate issue(String applicationId, String sessionId, LocalDate passedOn) {
        ApplicationRecord a = applications.find(applicationId)
                .orElseThrow(() -> ApiException.notFound("申报 " + applicationId + " 不存在"));
        Optional<Certificate> existing = certificates.forApplication(applicationId);
        if (existing.isPresent()) {
            return existing.get();
        }
        if (a.status() != ApplicationStatus.PASSED) {
            throw ApiException.conflict("NOT_PASSED", "只有评审通过的申报可以出具结果证明（当前状态：" + a.status().label() + "）");
        }
        if (passedOn == null) {
            throw ApiException.invalid("passedOn", "必须填写评审通过日期");
        }
        if (passedOn.isAfter(today())) {
            throw ApiException.invalid("passedOn", "评审通过日期不能晚于今天");
        }
        String specialty = dossiers.parse(a.dossierJson()).specialty();
        Series series = Series.valueOf(a.series());
        Level level = Level.valueOf(a.targetLevel());
        String number = Ids.unused(() -> CertificateNumber.draw(a.season()), n -> certificates.find(n).isPresent());
        Certificate c = new Certificate(number, a.id(), a.applicantName(), a.series(), a.targetLevel(),
                TitleNames.of(series, level, specialty), specialty, committeeOf(a), a.season(), sessionId, passedOn,
                Zones.now(clock), null, null, null);
        try {
            certificates.insert(c);
        } catch (DuplicateKeyException e) {
            // another node issued it (or drew the same number) at the same moment: nothing was stored here
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "TRY_AGAIN", "系统繁忙，结果证明未出具，请重试");
        }
        return c;
    }

    /** The certificate of a number as typed (normalised by {@link CertificateNumber#parse}); empty if none. */
    public Optional<Certificate> find(String number) {
        return CertificateNumber.parse(number).flatMap(certificates::find);
    }

    /** The certificate issued for an application, if any. */
    public Optional<Certificate> forApplication(String applicationId) {
        return certificates.forApplication(applicationId);
    }

    /**
     * Revokes a certificate (通知 六(二)): it then shows as revoked with the reason, and the violation is recorded in
     * the credit archive against the holder's ID number, which bars them for 3 years (ELI-11).
     *
     * @param reason why (required, at most 2000 characters; shown publicly with the certificate)
     * @param user   who revokes (recorded)
     */
    @Transactional
    public Certificate revoke(String number, String reason, String user) {
        Certificate c = find(number).orElseThrow(Certificates::notFound);
        String why = Texts.require("reason", reason, "撤销原因", 2000);
        if (!certificates.revoke(c.number(), Zones.now(clock), why, user)) {
            OffsetDateTime revokedAt = certificates.find(c.number()).orElseThrow().revokedAt();
            throw ApiException.conflict("ALREADY_REVOKED", "该结果证明已于 " + revokedAt.toLocalDate() + " 撤销");
        }
        ApplicationRecord a = applications.find(c.applicationId()).orElseThrow();
        credit.record(a.idNumber(), c.holderName(), CREDIT_KIND, c.season() + "年度职称评审结果证明 " + c.number()
                + " 撤销（" + c.titleName() + "）", why);
        return certificates.find(c.number()).orElseThrow();
    }

    /** The committee office on the application's route (the committee that evaluated it), or null. */
    String committeeOf(ApplicationRecord a) {
        return a.visibleTo().stream()
                .filter(g -> organisations.body(g)
                        .filter(b -> b.kind() == OrganisationDirectory.BodyKind.COMMITTEE_OFFICE).isPresent())
                .reduce((first, last) -> last).orElse(null);
    }

    static ApiException notFound() {
        return new ApiException(HttpStatus.NOT_FOUND, NOT_FOUND, NOT_FOUND_MESSAGE);
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(Zones.CHINA));
    }
}
