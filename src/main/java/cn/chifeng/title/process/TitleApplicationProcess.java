package cn.chifeng.title.process;

import java.util.Map;

/** Ids of the `title-application` process that code and tests refer to. */
public final class TitleApplicationProcess {
    public static final String KEY = "title-application";

    public static final String MESSAGE_RESUBMITTED = "ApplicationResubmitted";
    public static final String MESSAGE_WITHDRAWN = "ApplicationWithdrawn";
    public static final String MESSAGE_SPOT_CHECK_RETURN = "SpotCheckReturn";
    /** A reviewer takes back their approval while the next stage has not touched it (the product checks first). */
    public static final String MESSAGE_APPROVAL_RECALLED = "ApprovalRecalled";
    public static final String TASK_RECALL_APPROVAL = "Task_RecallApproval";
    public static final String MESSAGE_CORRECTION_SUPPLIED = "CorrectionSupplied";
    public static final String RECEIVE_CORRECTION = "Receive_Correction";
    public static final String TIMER_CORRECTION_DEADLINE = "Timer_CorrectionDeadline";
    public static final String END_ABANDONED = "EndEvent_Abandoned";
    public static final String MESSAGE_PUBLICITY_CLEARED = "PublicityCleared";
    public static final String RECEIVE_RESULT_PUBLICITY = "Receive_ResultPublicity";
    public static final String RECEIVE_STAGE_PUBLICITY = "Receive_StagePublicity";

    public static final String TASK_CHECK_ELIGIBILITY = "Task_CheckEligibility";
    public static final String TASK_DETERMINE_ROUTE = "Task_DetermineRoute";
    public static final String SUBPROCESS_REVIEW = "SubProcess_Review";
    public static final String RECEIVE_RESUBMISSION = "Receive_Resubmission";
    public static final String TASK_RECORD_VIOLATION = "Task_RecordViolation";
    /** Where an application waits for its committee's session (EVA-3); the session sends {@link #MESSAGE_EVALUATION_DECIDED}. */
    public static final String RECEIVE_COMMITTEE_EVALUATION = "Receive_CommitteeEvaluation";
    /** The placeholder user task of versions before 2025.2; running instances are moved off it at start-up. */
    public static final String LEGACY_TASK_COMMITTEE_EVALUATION = "Task_CommitteeEvaluation";
    public static final String MESSAGE_EVALUATION_DECIDED = "EvaluationDecided";
    public static final String END_INELIGIBLE = "EndEvent_Ineligible";
    public static final String END_REJECTED = "EndEvent_Rejected";
    public static final String END_CANCELLED = "EndEvent_Cancelled";
    public static final String END_PASSED = "EndEvent_Passed";
    public static final String END_NOT_PASSED = "EndEvent_NotPassed";
    public static final String END_WITHDRAWN = "EndEvent_Withdrawn";
    public static final String END_EXPIRED = "EndEvent_Expired";
    public static final String TIMER_REVIEW_CLOSE = "Timer_ReviewClose";
    public static final String TIMER_REVIEW_CLOSE_ESCALATION = "Timer_ReviewCloseEscalation";
    public static final String TIMER_EVALUATION_CLOSE = "Timer_EvaluationClose";

    /** The user task of each review stage. */
    public static final Map<Stage, String> STAGE_TASKS = Map.ofEntries(
            Map.entry(Stage.UNIT, "Task_UnitReview"),
            Map.entry(Stage.TALENT_CENTRE, "Task_TalentCentreReview"),
            Map.entry(Stage.COMPETENT_DEPT, "Task_CompetentDeptReview"),
            Map.entry(Stage.COUNTY_EDUCATION, "Task_CountyEducationReview"),
            Map.entry(Stage.COUNTY_HOUSING, "Task_CountyHousingReview"),
            Map.entry(Stage.COUNTY_HR, "Task_CountyHrReview"),
            Map.entry(Stage.CITY_EDUCATION, "Task_CityEducationReview"),
            Map.entry(Stage.CITY_HOUSING, "Task_CityHousingReview"),
            Map.entry(Stage.CITY_HR, "Task_CityHrReview"),
            Map.entry(Stage.ENTRUSTMENT, "Task_EntrustmentReview"),
            Map.entry(Stage.REGION_HR, "Task_RegionHrReview"),
            Map.entry(Stage.COMMITTEE_OFFICE, "Task_CommitteeOfficeReview"));

    /** Process variables. */
    public static final class Vars {
        public static final String APPLICATION_ID = "applicationId";
        public static final String APPLICANT_USER_ID = "applicantUserId";
        public static final String ROUTE = "route";
        public static final String ROUTE_GROUPS = "routeGroups";
        public static final String ROUTE_INDEX = "routeIndex";
        public static final String CURRENT_STAGE = "currentStage";
        public static final String STAGE_GROUP = "stageGroup";
        public static final String COMMITTEE_GROUP = "committeeGroup";
        public static final String ROUTE_COMPLETE = "routeComplete";
        public static final String LAST_DECISION = "lastDecision";
        public static final String LAST_COMMENT = "lastComment";
        public static final String LAST_REVIEWER = "lastReviewer";
        public static final String DECISION = "decision";
        public static final String COMMENT = "comment";
        public static final String ATTESTED = "attested";
        /** PASSED, NOT_PASSED or OVER_QUOTA, written by the session when its vote closes (EVA-7, ELI-13). */
        public static final String EVALUATION_RESULT = "evaluationResult";
        /** Why an evaluation did not pass, shown to the applicant (e.g. 超出名额未通过). */
        public static final String EVALUATION_NOTE = "evaluationNote";
        public static final String SESSION_ID = "sessionId";
        /** The trail for the forms' table: Json, not a string (which would hit 4000 characters). */
        public static final String REVIEW_TRAIL = "reviewTrail";
        /** The trail as text, as versions before {@link #REVIEW_TRAIL} kept it; removed when an instance moves on. */
        public static final String TRAIL_DISPLAY = "trailDisplay";
        public static final String ROUTE_DISPLAY = "routeDisplay";
        /** Set by the application service when it starts the instance (the dossier's facts the model reads). */
        public static final String APPLICANT_NAME = "applicantName";
        public static final String SEASON = "season";
        public static final String SERIES = "series";
        public static final String TARGET_LEVEL = "targetLevel";
        public static final String COUNTY = "county";
        public static final String EMPLOYER_TYPE = "employerType";
        public static final String EMPLOYER_LEVEL = "employerLevel";
        public static final String QUALIFICATION_CUTOFF = "qualificationCutoff";
        public static final String REVIEW_CLOSE_DAY = "reviewCloseDay";
        public static final String EVALUATION_CLOSE_DAY = "evaluationCloseDay";
        /** The eligibility decision's result ({verdict, channel, reasons}) and what is shown of it. */
        public static final String ELIGIBILITY = "eligibility";
        public static final String ELIGIBILITY_DISPLAY = "eligibilityDisplay";
        public static final String ELIGIBILITY_CHANNEL = "eligibilityChannel";
        public static final String ELIGIBILITY_REASON = "eligibilityReason";
        /** The application's status as the register holds it (for the model's conditions and Cockpit). */
        public static final String STATUS = "status";
        /** The one-time correction notice (COR-1, COR-2). */
        public static final String CORRECTION_ISSUED = "correctionIssued";
        /** The correction notice and its answer as the committee office's form shows them (COR-4). */
        public static final String CORRECTION_DISPLAY = "correctionDisplay";
        public static final String CORRECTION_DEADLINE = "correctionDeadline";
        public static final String CORRECTION_DEADLINE_DAY = "correctionDeadlineDay";
        /** A field of the committee office's form: the working days the correction notice gives. */
        public static final String CORRECTION_WORKING_DAYS = "correctionWorkingDays";
        /** Whether the stage just approved publishes before the application moves on (DMN stage-publicity). */
        public static final String STAGE_PUBLICITY = "stagePublicity";
        public static final String PUBLICITY_GROUP = "publicityGroup";
        public static final String EVALUATION_OVERDUE = "evaluationOverdue";

        /**
         * State that decides the flow or names the application: written only by the product's own code, never a
         * field a form may enable (checked by FormInputsTest) nor a variable a person may set (EngineGuard).
         */
        public static final java.util.Set<String> FLOW_STATE = java.util.Set.of(APPLICATION_ID, APPLICANT_USER_ID,
                ROUTE, ROUTE_GROUPS, ROUTE_INDEX, CURRENT_STAGE, STAGE_GROUP, COMMITTEE_GROUP, ROUTE_COMPLETE,
                LAST_DECISION, LAST_COMMENT, LAST_REVIEWER, REVIEW_TRAIL, TRAIL_DISPLAY, ROUTE_DISPLAY, ELIGIBILITY,
                ELIGIBILITY_DISPLAY, CORRECTION_ISSUED, CORRECTION_DISPLAY, CORRECTION_DEADLINE, STAGE_PUBLICITY, PUBLICITY_GROUP,
                SEASON, SERIES, TARGET_LEVEL, COUNTY, EMPLOYER_TYPE, EMPLOYER_LEVEL, QUALIFICATION_CUTOFF,
                REVIEW_CLOSE_DAY, EVALUATION_CLOSE_DAY, EVALUATION_RESULT, EVALUATION_NOTE, SESSION_ID, PublicityProcess.Vars.PUBLICATION_ID,
                PublicityProcess.Vars.OBJECTION_ID, PublicityProcess.Vars.INVESTIGATOR_GROUP);

        private Vars() {
        }
    }

    private TitleApplicationProcess() {
    }
}
