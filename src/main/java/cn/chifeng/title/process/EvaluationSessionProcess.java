package cn.chifeng.title.process;

import java.util.Set;

/** Ids of the `evaluation-session` process (one committee meeting, EVA-1 … EVA-8) that code and tests refer to. */
public final class EvaluationSessionProcess {
    public static final String KEY = "evaluation-session";

    public static final String MESSAGE_POSTPONEMENT_FILED = "PostponementFiled";
    public static final String ERROR_DRAW_IMPOSSIBLE = "DRAW_IMPOSSIBLE";

    public static final String TASK_APPROVE_PLAN = "Task_ApprovePlan";
    public static final String TASK_REVISE_PLAN = "Task_RevisePlan";
    public static final String TASK_DRAW_EXPERTS = "Task_DrawExperts";
    public static final String TASK_RESOLVE_DRAW = "Task_ResolveDraw";
    public static final String SUBPROCESS_EXPERT = "SubProcess_Expert";
    public static final String TASK_CONFIRM_ATTENDANCE = "Task_ConfirmAttendance";
    public static final String TASK_BLIND_REVIEW = "Task_BlindReview";
    public static final String TASK_HOLD_MEETING = "Task_HoldMeeting";
    public static final String TASK_CLOSE_VOTE = "Task_CloseVote";
    public static final String TASK_PUBLISH_RESULTS = "Task_PublishResults";
    public static final String TASK_FILE_CONFIRMATION = "Task_FileConfirmation";
    public static final String TIMER_CONFIRMATION_REMINDER = "Timer_ConfirmationReminder";
    public static final String TIMER_CONFIRMATION_OVERDUE = "Timer_ConfirmationOverdue";
    public static final String TASK_CONFIRM_RESULTS = "Task_ConfirmResults";
    public static final String TASK_ACCEPT_POSTPONEMENT = "Task_AcceptPostponement";
    public static final String END_CONFIRMED = "EndEvent_Confirmed";
    public static final String END_SEAT_VACANT = "EndEvent_SeatVacant";

    /**
     * Process variables. Nothing here names or identifies an applicant: experts' tasks live in this process, and a
     * task shows every variable of its scope to whoever may read it (EVA-5).
     */
    public static final class Vars {
        public static final String SESSION_ID = "sessionId";
        public static final String SESSION_TITLE = "sessionTitle";
        public static final String SESSION_LINK = "sessionLink";
        public static final String BLIND_LINK = "blindLink";
        public static final String COMMITTEE_GROUP = "committeeGroup";
        public static final String APPROVER_GROUP = "approverGroup";
        public static final String CONFIRMER_GROUP = "confirmerGroup";
        public static final String COMMITTEE_SIZE = "committeeSize";
        public static final String PLAN_APPROVED = "planApproved";
        public static final String RETURN_REASON = "returnReason";
        public static final String DRAW_PROBLEM = "drawProblem";
        /** Local to one seat of SubProcess_Expert: the seat's number, its expert's account, the answer. */
        public static final String SEAT = "seat";
        /** Camunda's own counter of a multi-instance activity: the seat's number. */
        public static final String LOOP_COUNTER = "loopCounter";
        public static final String EXPERT = "expert";
        public static final String ATTENDS = "attends";
        public static final String REPLACED = "replaced";
        /** The office's choice of attendees: [{label, value}] of the confirmed experts, set when the meeting opens. */
        public static final String MEMBER_CHOICES = "memberChoices";
        public static final String POSTPONEMENT_REASON = "postponementReason";
        public static final String POSTPONEMENT_UNTIL = "postponementUntil";
        public static final String POSTPONEMENT_ID = "postponementId";

        /** Fields of the forms, read by the listeners and removed after. */
        public static final String PLAN_DECISION = "planDecision";
        public static final String PLAN_COMMENT = "planComment";
        public static final String PLAN_REFILED = "planRefiled";
        public static final String REDRAW_REASON = "redrawReason";
        /** Who gave the reason of a redraw (written by the product when Task_ResolveDraw completes). */
        public static final String REDRAW_BY = "redrawBy";
        public static final String ATTENDANCE = "attendance";
        public static final String DECLINE_REASON = "declineReason";
        public static final String REVIEW_DONE = "reviewDone";
        public static final String ATTENDEES = "attendees";
        public static final String VOTE_CLOSED = "voteClosed";
        public static final String NOTICE_START = "noticeStart";
        public static final String NOTICE_WORKING_DAYS = "noticeWorkingDays";
        public static final String NOTICE_TITLE = "noticeTitle";
        public static final String HAS_APPROVAL_REPORT = "hasApprovalReport";
        public static final String HAS_PUBLICITY_RECORD = "hasPublicityRecord";
        public static final String HAS_ROSTER = "hasRoster";
        public static final String HAS_COMMITMENT = "hasCommitment";
        public static final String FILING_NOTE = "filingNote";
        public static final String CONFIRM_DECISION = "confirmDecision";
        public static final String CONFIRM_COMMENT = "confirmComment";
        public static final String POSTPONEMENT_DECISION = "postponementDecision";
        public static final String POSTPONEMENT_COMMENT = "postponementComment";

        /** Written only by the product's code: no form may enable these (FormInputsTest). */
        public static final Set<String> FLOW_STATE = Set.of(SESSION_ID, SESSION_TITLE, SESSION_LINK, BLIND_LINK,
                COMMITTEE_GROUP, APPROVER_GROUP, CONFIRMER_GROUP, COMMITTEE_SIZE, PLAN_APPROVED, RETURN_REASON,
                DRAW_PROBLEM, SEAT, EXPERT, ATTENDS, REPLACED, MEMBER_CHOICES, POSTPONEMENT_REASON, POSTPONEMENT_UNTIL,
                POSTPONEMENT_ID, REDRAW_BY);

        private Vars() {
        }
    }

    private EvaluationSessionProcess() {
    }
}
