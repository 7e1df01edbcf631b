package cn.chifeng.title.application;

import java.time.LocalDate;
import java.util.Map;

import cn.chifeng.title.season.Season;

/** Contributes variables to a new application's process (e.g. the eligibility facts as of the cutoff). */
public interface ProcessStartVariables {
    Map<String, Object> variables(Dossier dossier, Season season, LocalDate today);
}
