export { Badge, type Tone } from './Badge.js';
export { Button, type ButtonProps } from './Button.js';
export { ConnectionPill } from './ConnectionPill.js';
export { LangSwitch } from './LangSwitch.js';
export { Modal } from './Modal.js';
export { PendingList } from './PendingList.js';
export { PinPad } from './PinPad.js';
export { ToastProvider, useToast } from './Toasts.js';
export { StaffLogin } from './StaffLogin.js';
