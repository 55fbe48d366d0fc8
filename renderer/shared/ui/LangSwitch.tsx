// ES | EN. Its label names both languages (the current one first), so whoever does not read the language
// on screen still finds the way to theirs.
import { LANGS, useI18n } from '../i18n.js';
import { sharedTexts } from '../shared-texts.js';

export function LangSwitch() {
  const { lang, setLang } = useI18n();
  return (
    <div className="seg" role="group" aria-label={sharedTexts(lang)['lang.switch']}>
      {LANGS.map((l) => (
        <button key={l} aria-pressed={lang === l} onClick={() => setLang(l)}>
          {l.toUpperCase()}
        </button>
      ))}
    </div>
  );
}
