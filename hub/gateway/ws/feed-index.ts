// Feeds: one per distinct set of topics in use. A connection joins exactly one feed, and an event is
// published once to every feed that shares a topic with it, so a client subscribed to two topics of
// the same event still gets it once. The number of feeds stays small (roles × stations × sectors,
// plus one per table session with diners), while subscribers can be tens of thousands.

export interface Feed<M> {
  readonly key: string;
  readonly topics: readonly string[];
  readonly members: Set<M>;
}

export class FeedIndex<M> {
  private readonly feeds = new Map<string, Feed<M>>();
  private readonly byTopic = new Map<string, Set<Feed<M>>>();

  static keyOf(topics: readonly string[]): string {
    return topics.join('|');
  }

  /** Adds a member to the feed of these (normalized) topics, creating it when needed. */
  join(topics: readonly string[], member: M): Feed<M> {
    const key = FeedIndex.keyOf(topics);
    let feed = this.feeds.get(key);
    if (!feed) {
      feed = { key, topics, members: new Set() };
      this.feeds.set(key, feed);
      for (const t of topics) {
        let set = this.byTopic.get(t);
        if (!set) this.byTopic.set(t, (set = new Set()));
        set.add(feed);
      }
    }
    feed.members.add(member);
    return feed;
  }

  leave(feed: Feed<M>, member: M): void {
    feed.members.delete(member);
    if (feed.members.size > 0) return;
    this.feeds.delete(feed.key);
    for (const t of feed.topics) {
      const set = this.byTopic.get(t);
      set?.delete(feed);
      if (set?.size === 0) this.byTopic.delete(t);
    }
  }

  /** Every feed that should receive an event with these topics, each once. */
  feedsFor(topics: readonly string[]): Set<Feed<M>> {
    const out = new Set<Feed<M>>();
    for (const t of topics) {
      const set = this.byTopic.get(t);
      if (set) for (const f of set) out.add(f);
    }
    return out;
  }

  get size(): number {
    return this.feeds.size;
  }
}
