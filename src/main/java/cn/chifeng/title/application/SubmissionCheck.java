package cn.chifeng.title.application;

import java.util.List;

/**
 * A rule an application must pass when it is submitted, beyond the dossier's own fields — e.g. the required
 * materials of the checklist are there (APP-6). Returns the Chinese reasons it fails, none when it passes.
 * {@code application} is the draft being submitted, or null for a one-step submission (which has no materials yet).
 */
public interface SubmissionCheck {
    List<String> problems(ApplicationRecord application, Dossier dossier);
}
