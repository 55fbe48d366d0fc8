// Keys defined by more than one of a dictionary's section files. The apps compose their dictionaries by
// spreading sections, where a key written twice would silently keep only the last text.
export function overlappingKeys(sections: Record<string, Record<string, string>>): string[] {
  const owner = new Map<string, string>();
  const clashes: string[] = [];
  for (const [section, texts] of Object.entries(sections))
    for (const key of Object.keys(texts)) {
      const first = owner.get(key);
      if (first === undefined) owner.set(key, section);
      else clashes.push(`${key} (${first}, ${section})`);
    }
  return clashes;
}
