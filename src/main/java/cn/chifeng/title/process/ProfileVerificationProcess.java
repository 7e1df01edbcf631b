package cn.chifeng.title.process;

/** Ids of the {@code ProfileVerification} process (个人信息核实, APP-1) that code and tests refer to. */
public final class ProfileVerificationProcess {
    public static final String KEY = "ProfileVerification";
    public static final String START_PROFILE_SUBMITTED = "StartEvent_ProfileSubmitted";
    public static final String TASK_VERIFY_PROFILE = "Task_VerifyProfile";
    public static final String GATEWAY_VERIFICATION_DECISION = "Gateway_VerificationDecision";
    public static final String TASK_RECORD_VERIFIED = "Task_RecordVerified";
    public static final String TASK_RECORD_REJECTED = "Task_RecordRejected";
    public static final String END_PROFILE_VERIFIED = "EndEvent_ProfileVerified";
    public static final String END_PROFILE_REJECTED = "EndEvent_ProfileRejected";
    /** The Camunda Form of the verification task. */
    public static final String FORM_VERIFY = "profile-verification";

    /** Process variables: what the form shows, and the form's two fields. */
    public static final class Vars {
        /** The applicant whose profile it is (flow state: written by the product only). */
        public static final String PROFILE_USER_ID = "profileUserId";
        /** Which request of the profile this is; a decision on an older one changes nothing. */
        public static final String VERIFICATION_NO = "verificationNo";
        public static final String VERIFIER_GROUP = "verifierGroup";
        public static final String APPLICANT_NAME = "applicantName";
        public static final String ID_NUMBER = "idNumber";
        public static final String EMPLOYER_NAME = "employerName";
        public static final String EDUCATION_LABEL = "educationLabel";
        public static final String GRADUATION_DATE = "graduationDate";
        public static final String WORK_START_DATE = "workStartDate";
        public static final String TITLES_HELD = "titlesHeld";
        public static final String WORK_HISTORY = "workHistory";
        /** Field of the form: {@link #VERIFIED} or {@link #REJECTED}. */
        public static final String VERIFICATION_DECISION = "verificationDecision";
        /** Field of the form: why not (required with {@link #REJECTED}). */
        public static final String REJECTION_REASON = "rejectionReason";
        public static final String VERIFIED = "VERIFIED";
        public static final String REJECTED = "REJECTED";

        private Vars() {
        }
    }

    private ProfileVerificationProcess() {
    }
}
