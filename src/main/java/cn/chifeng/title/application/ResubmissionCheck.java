package cn.chifeng.title.application;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import cn.chifeng.title.season.Season;

/**
 * A rule a corrected dossier must pass again before a returned application goes back (REV-8) — e.g. eligibility as
 * of the cutoff: the Chinese reasons it is refused (none when it passes) and, when it passes, the process variables
 * that follow from the new dossier (e.g. the verdict the reviewers read).
 */
public interface ResubmissionCheck {
    Outcome recheck(Dossier dossier, Season season, LocalDate today);

    record Outcome(List<String> refusals, Map<String, Object> variables) {
    }
}
