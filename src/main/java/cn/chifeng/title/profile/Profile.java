package cn.chifeng.title.profile;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A person's profile as stored: what they entered, whom it is verified by ({@code verificationTarget}: the employer's
 * 统一社会信用代码, or {@code FREELANCER/<county>}), and for which target the last verification passed.
 */
public record Profile(String userId, String education, LocalDate graduationDate, LocalDate workStartDate,
                      String employerCode, String county, String verificationTarget, String verifierGroup,
                      Status status, String statusReason, String verifiedFor, int verificationNo,
                      String processInstanceId, String decidedBy, OffsetDateTime decidedAt, OffsetDateTime updatedAt,
                      List<Title> titles, List<WorkPeriod> work) {

    /** Where a verification stands. */
    public enum Status {
        UNVERIFIED("未核实"), PENDING("核实中"), VERIFIED("已核实"), REJECTED("未通过核实");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** A title held: level, series, when obtained, certificate number. */
    public record Title(String level, String series, LocalDate obtainedOn, String certificateNo) {
    }

    /** A period of work or service: {@code to} null while it lasts; {@code place} a ServicePlace or null. */
    public record WorkPeriod(LocalDate from, LocalDate to, String organisation, String post, String place) {
    }

    /** What the person entered (compared to tell whether a save changes anything). */
    public Content content() {
        return new Content(education, graduationDate, workStartDate, employerCode, county, titles, work);
    }

    /** Verified, and for this target. */
    public boolean verifiedFor(String target) {
        return status == Status.VERIFIED && target.equals(verifiedFor);
    }

    /** The fields a person enters. {@code employerCode} null for a freelancer, who names their county. */
    public record Content(String education, LocalDate graduationDate, LocalDate workStartDate, String employerCode,
                          String county, List<Title> titles, List<WorkPeriod> work) {
    }

    /** The target of a verification: the employer's code, or {@code FREELANCER/<county>}. */
    public static String target(String employerCode, String county) {
        return employerCode != null ? employerCode : "FREELANCER/" + county;
    }
}
