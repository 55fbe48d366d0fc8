// Sounds without audio files: a Web Audio chime for a new ticket and a harsh alarm when the hub is lost.
// Browsers start audio only after a key press or click, so the first one unlocks it (see unlock()).

export interface Beeper {
  chime(): void;
  alarm(): void;
  /** Call from a key or pointer handler: browsers keep audio suspended until a gesture. */
  unlock(): void;
  setMuted(muted: boolean): void;
  readonly muted: boolean;
}

const MUTE_KEY = 'comanda.kitchen.muted';

export function createBeeper(): Beeper {
  let ctx: AudioContext | null = null;
  let muted = globalThis.localStorage?.getItem(MUTE_KEY) === '1';

  function context(): AudioContext | null {
    if (ctx) return ctx;
    const Ctor = globalThis.AudioContext;
    if (!Ctor) return null;
    ctx = new Ctor();
    return ctx;
  }

  function tone(freq: number, startIn: number, duration: number, type: OscillatorType, volume: number): void {
    const ac = context();
    if (!ac || ac.state !== 'running') return;
    const osc = ac.createOscillator();
    const gain = ac.createGain();
    const t0 = ac.currentTime + startIn;
    osc.type = type;
    osc.frequency.value = freq;
    // A short attack and release: no click at either end.
    gain.gain.setValueAtTime(0, t0);
    gain.gain.linearRampToValueAtTime(volume, t0 + 0.01);
    gain.gain.setValueAtTime(volume, t0 + duration - 0.03);
    gain.gain.linearRampToValueAtTime(0, t0 + duration);
    osc.connect(gain).connect(ac.destination);
    osc.start(t0);
    osc.stop(t0 + duration + 0.02);
  }

  return {
    chime() {
      if (muted) return;
      tone(880, 0, 0.14, 'sine', 0.35);
      tone(1320, 0.16, 0.22, 'sine', 0.35);
    },
    alarm() {
      if (muted) return;
      for (let k = 0; k < 3; k++) {
        tone(620, k * 0.32, 0.16, 'square', 0.25);
        tone(440, k * 0.32 + 0.16, 0.14, 'square', 0.25);
      }
    },
    unlock() {
      const ac = context();
      if (ac && ac.state === 'suspended') void ac.resume();
    },
    setMuted(next) {
      muted = next;
      globalThis.localStorage?.setItem(MUTE_KEY, next ? '1' : '0');
    },
    get muted() {
      return muted;
    },
  };
}
