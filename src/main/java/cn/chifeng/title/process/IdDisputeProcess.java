package cn.chifeng.title.process;

/** Ids of the {@code IdDispute} process (身份证号申诉) that code and tests refer to. */
public final class IdDisputeProcess {
    public static final String KEY = "IdDispute";
    public static final String START_DISPUTE_FILED = "StartEvent_DisputeFiled";
    public static final String TASK_VERIFY_DISPUTE = "Task_VerifyIdDispute";
    public static final String GATEWAY_DISPUTE_OUTCOME = "Gateway_DisputeOutcome";
    public static final String TASK_GIVE_TO_CLAIMANT = "Task_GiveIdNumberToClaimant";
    public static final String TASK_KEEP_WITH_HOLDER = "Task_KeepIdNumberWithHolder";
    public static final String END_CLAIMANT_OWNS = "EndEvent_ClaimantOwnsIdNumber";
    public static final String END_HOLDER_OWNS = "EndEvent_HolderOwnsIdNumber";
    /** The Camunda Form of the verification task. */
    public static final String FORM_VERIFY = "id-dispute-verification";

    /** Process variables: what the verification form shows, and the form's two fields. */
    public static final class Vars {
        public static final String DISPUTE_ID = "disputeId";
        /** The county HR bureau that verifies (candidate group of the task). */
        public static final String COUNTY_HR_GROUP = "countyHrGroup";
        public static final String COUNTY_NAME = "countyName";
        public static final String ID_NUMBER = "idNumber";
        public static final String CLAIMANT_NAME = "claimantName";
        public static final String CLAIMANT_PHONE = "claimantPhone";
        public static final String CLAIMANT_EMAIL = "claimantEmail";
        public static final String STATEMENT = "statement";
        public static final String FILED_AT = "filedAt";
        /** The account holding the number: its name and its mobile with the middle digits hidden, nothing more. */
        public static final String HOLDER_NAME = "holderName";
        public static final String HOLDER_PHONE_MASKED = "holderPhoneMasked";
        public static final String HOLDER_REGISTERED_AT = "holderRegisteredAt";
        /** Field of the form: {@link #CLAIMANT} or {@link #HOLDER}. */
        public static final String DISPUTE_OUTCOME = "disputeOutcome";
        /** Field of the form: what the county found (required; both parties are sent it). */
        public static final String OUTCOME_NOTE = "outcomeNote";
        public static final String CLAIMANT = "CLAIMANT";
        public static final String HOLDER = "HOLDER";

        private Vars() {
        }
    }

    private IdDisputeProcess() {
    }
}
