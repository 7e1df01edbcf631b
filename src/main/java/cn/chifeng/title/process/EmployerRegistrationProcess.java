package cn.chifeng.title.process;

/** Ids of the {@code EmployerRegistration} process (用人单位注册) that code and tests refer to. */
public final class EmployerRegistrationProcess {
    public static final String KEY = "EmployerRegistration";
    public static final String START_REGISTRATION_SUBMITTED = "StartEvent_RegistrationSubmitted";
    public static final String TASK_REVIEW_REGISTRATION = "Task_ReviewRegistration";
    public static final String GATEWAY_REGISTRATION_DECISION = "Gateway_RegistrationDecision";
    public static final String TASK_REGISTER_EMPLOYER = "Task_RegisterEmployer";
    public static final String TASK_REJECT_REGISTRATION = "Task_RejectRegistration";
    public static final String END_EMPLOYER_REGISTERED = "EndEvent_EmployerRegistered";
    public static final String END_REGISTRATION_REJECTED = "EndEvent_RegistrationRejected";
    /** The Camunda Form of the review task. */
    public static final String FORM_REVIEW = "employer-registration-review";

    /** Process variables: what the review form shows, and the form's two fields. */
    public static final class Vars {
        public static final String REGISTRATION_ID = "registrationId";
        public static final String REVIEWER_GROUP = "reviewerGroup";
        public static final String EMPLOYER_NAME = "employerName";
        public static final String CREDIT_CODE = "creditCode";
        public static final String EMPLOYER_TYPE_LABEL = "employerTypeLabel";
        public static final String EMPLOYER_LEVEL_LABEL = "employerLevelLabel";
        public static final String COUNTY_NAME = "countyName";
        public static final String COMPETENT_DEPARTMENT_NAME = "competentDepartmentName";
        public static final String CLERK_NAME = "clerkName";
        public static final String CLERK_PHONE = "clerkPhone";
        public static final String CLERK_EMAIL = "clerkEmail";
        /** Field of the review form: {@link #APPROVE} or {@link #REJECT}. */
        public static final String REGISTRATION_DECISION = "registrationDecision";
        /** Field of the review form: why not (required with {@link #REJECT}). */
        public static final String REJECTION_REASON = "rejectionReason";
        public static final String APPROVE = "APPROVE";
        public static final String REJECT = "REJECT";

        private Vars() {
        }
    }

    private EmployerRegistrationProcess() {
    }
}
