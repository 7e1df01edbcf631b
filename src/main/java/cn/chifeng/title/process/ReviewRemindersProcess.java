package cn.chifeng.title.process;

/** Ids of the `review-reminders` process (the reviewers' daily digest before the review close, SEA-3). */
public final class ReviewRemindersProcess {
    public static final String KEY = "review-reminders";
    public static final String START_DAILY = "StartEvent_DailyAt8";
    public static final String TASK_SEND_DIGEST = "Task_SendReviewDigest";
    public static final String END_DIGEST_SENT = "EndEvent_DigestSent";

    /** Process variables. */
    public static final class Vars {
        /** How many digests the last run queued. */
        public static final String DIGESTS_QUEUED = "digestsQueued";

        private Vars() {
        }
    }

    private ReviewRemindersProcess() {
    }
}
