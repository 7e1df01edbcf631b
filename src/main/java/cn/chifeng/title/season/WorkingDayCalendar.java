package cn.chifeng.title.season;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Service;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.tyme.holiday.LegalHoliday;

/**
 * Working days in China: statutory holidays and adjusted working days (调休) from tyme4j's official data, corrected
 * or extended by the administrator's override file ({@code title.calendar.overrides}). A year that neither knows
 * falls back to Monday–Friday and every answer for it says {@code official: false}.
 */
@Service
public class WorkingDayCalendar {
    private static final Logger LOG = LoggerFactory.getLogger(WorkingDayCalendar.class);

    private final Map<LocalDate, Boolean> overrides = new HashMap<>();
    private final Map<Integer, Boolean> overrideYears = new HashMap<>();
    private final Map<Integer, Boolean> libraryYears = new ConcurrentHashMap<>();

    @Autowired
    public WorkingDayCalendar(@Value("${title.calendar.overrides}") Resource overridesFile) {
        this(read(overridesFile));
    }

    WorkingDayCalendar(Overrides data) {
        if (data != null && data.years() != null) {
            data.years().forEach((year, y) -> {
                overrideYears.put(year, true);
                if (y.holidays() != null) {
                    y.holidays().forEach(d -> overrides.put(d, false));
                }
                if (y.workdays() != null) {
                    y.workdays().forEach(d -> overrides.put(d, true));
                }
            });
        }
    }

    private static Overrides read(Resource file) {
        if (file == null || !file.exists()) {
            return null;
        }
        try (InputStream in = file.getInputStream()) {
            return new ObjectMapper(new YAMLFactory()).findAndRegisterModules().readValue(in, Overrides.class);
        } catch (IOException e) {
            throw new UncheckedIOException("无法读取节假日设置 " + file, e);
        }
    }

    /** Whether the day is a working day, and whether that comes from official data. */
    public Answer isWorkingDay(LocalDate day) {
        Boolean override = overrides.get(day);
        if (override != null) {
            return new Answer(override, true);
        }
        if (knownByLibrary(day.getYear())) {
            LegalHoliday h = LegalHoliday.fromYmd(day.getYear(), day.getMonthValue(), day.getDayOfMonth());
            if (h != null) {
                return new Answer(h.isWork(), true);
            }
            return new Answer(weekday(day), true);
        }
        return new Answer(weekday(day), overrideYears.containsKey(day.getYear()));
    }

    /**
     * The last day of a period of {@code workingDays} working days starting on {@code start}: the start counts when
     * it is a working day, otherwise the period starts on the next working day.
     */
    public PeriodEnd periodEnd(LocalDate start, int workingDays) {
        if (workingDays < 1) {
            throw new IllegalArgumentException("工作日数须至少为1");
        }
        boolean official = true;
        LocalDate day = start;
        int counted = 0;
        while (true) {
            Answer a = isWorkingDay(day);
            official &= a.official();
            if (a.working() && ++counted == workingDays) {
                return new PeriodEnd(day, official);
            }
            day = day.plusDays(1);
        }
    }

    /** Whether the year's holidays are known (from the library or the override file). */
    public boolean knows(int year) {
        return overrideYears.containsKey(year) || knownByLibrary(year);
    }

    /** Warns about years that fall back to Monday–Friday, e.g. at start-up for the configured seasons. */
    public void warnUnknown(List<Integer> years) {
        years.stream().filter(y -> !knows(y)).forEach(y -> LOG.warn(
                "{} 年的法定节假日尚未收录：按周一至周五计算工作日（official=false），请管理员在节假日设置文件中补充该年度", y));
    }

    private boolean knownByLibrary(int year) {
        return libraryYears.computeIfAbsent(year, y -> {
            for (LocalDate d = LocalDate.of(y, 1, 1); d.getYear() == y; d = d.plusDays(1)) {
                if (LegalHoliday.fromYmd(y, d.getMonthValue(), d.getDayOfMonth()) != null) {
                    return true;
                }
            }
            return false;
        });
    }

    private static boolean weekday(LocalDate day) {
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    /** A day's answer. */
    public record Answer(boolean working, boolean official) {
    }

    /** The end of a period of working days. */
    public record PeriodEnd(LocalDate end, boolean official) {
    }

    /** The administrator's file: per year, holidays and adjusted working days. */
    record Overrides(Map<Integer, Year> years) {
    }

    record Year(List<LocalDate> holidays, List<LocalDate> workdays) {
    }
}
