package cn.chifeng.title.process;

/** Ids of the `publicity` process (公示) that code and tests refer to. */
public final class PublicityProcess {
    public static final String KEY = "publicity";
    public static final String MESSAGE_OBJECTION_FILED = "ObjectionFiled";
    public static final String TIMER_PUBLICITY_END = "Timer_PublicityEnd";
    public static final String TASK_INVESTIGATE_OBJECTION = "Task_InvestigateObjection";
    public static final String TASK_CLOSE_PUBLICATION = "Task_ClosePublication";
    public static final String END_PUBLICATION_ENDED = "EndEvent_PublicationEnded";

    /** Process variables (those of an objection are local to its event sub-process). */
    public static final class Vars {
        public static final String PUBLICATION_ID = "publicationId";
        public static final String PUBLICITY_END = "publicityEnd";
        public static final String APPLICATION_ID = TitleApplicationProcess.Vars.APPLICATION_ID;
        public static final String OBJECTION_ID = "objectionId";
        public static final String INVESTIGATOR_GROUP = "investigatorGroup";
        public static final String OBJECTION_TEXT = "objectionText";
        public static final String ABOUT_LABEL = "aboutLabel";
        public static final String APPLICATION_LINK = "applicationLink";
        /** Fields of the investigation form. */
        public static final String OBJECTION_OUTCOME = "objectionOutcome";
        public static final String OBJECTION_NOTE = "objectionNote";

        private Vars() {
        }
    }

    private PublicityProcess() {
    }
}
