package cn.chifeng.title.season;

/** Something that keeps timers on a season's dates and moves them when the dates change. */
public interface SeasonTimers {
    void seasonChanged(Season season);
}
