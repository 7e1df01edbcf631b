package cn.chifeng.title.common;

/** A code with the Chinese label shown to people. */
public interface Labelled {
    String name();

    String label();
}
