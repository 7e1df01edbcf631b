package cn.chifeng.title.printform;

import java.util.Arrays;
import java.util.Optional;

/** The two forms an applicant prints after submitting (通知 二(二)2), by their key in {@code print-forms.yaml}. */
public enum PrintForm {
    /** 《专业技术职称评审表》: stamped page by page by every reviewing body (通知 三(二)); shows the full ID number. */
    REVIEW_FORM("review-form"),
    /** 《专业技术职称送审表》: what goes to the committee; the template may keep fields blind. */
    SUBMISSION_FORM("submission-form");

    private final String key;

    PrintForm(String key) {
        this.key = key;
    }

    /** The key in the template and in the download address ({@code …/forms/{key}.pdf}). */
    public String key() {
        return key;
    }

    static Optional<PrintForm> ofKey(String key) {
        return Arrays.stream(values()).filter(f -> f.key.equals(key)).findFirst();
    }
}
