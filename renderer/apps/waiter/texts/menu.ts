// Waiter texts of the menu and the dish dialog (Spanish and English), with courses and allergens.
import { allergenEn, allergenEs } from '../../../shared/allergen-texts.js';
export const menuEs = {
  'menu.search': 'Buscar plato…',
  'menu.all': 'Todo',
  'menu.allergenFilter': 'Sin alérgenos',
  'menu.allergenHint': 'Oculta los platos que contienen:',
  'menu.soldOut': 'Agotado',
  'menu.left': 'Quedan {n}',
  'menu.noResults': 'Ningún plato coincide.',
  'menu.clearFilters': 'Quitar filtros',

  'item.add': 'Añadir · {price}',
  'item.qty': 'Cantidad',
  'item.notes': 'Notas para cocina',
  'item.notesPlaceholder': 'Alergias, sin sal, compartir…',
  'item.allergy': 'Alergia',
  'item.allergyWord': 'ALERGIA',
  'item.allergyHint': 'Márcalo si la nota es por una alergia o intolerancia.',
  'item.allergyOn': 'Cocina verá la nota como alerta de alergia.',
  'item.seat': 'Comensal',
  'item.seatNone': 'Mesa',
  'item.course': 'Pase',
  'item.required': 'Elige {n}',
  'item.upTo': 'Hasta {n}',
  'item.allergens': 'Contiene',

  'course.drink': 'Bebidas',
  'course.starter': 'Entrantes',
  'course.main': 'Principales',
  'course.dessert': 'Postres',

  ...allergenEs,
};

export const menuEn: Record<keyof typeof menuEs, string> = {
  'menu.search': 'Search dishes…',
  'menu.all': 'All',
  'menu.allergenFilter': 'Allergen-free',
  'menu.allergenHint': 'Hide dishes that contain:',
  'menu.soldOut': 'Sold out',
  'menu.left': '{n} left',
  'menu.noResults': 'No dish matches.',
  'menu.clearFilters': 'Clear filters',

  'item.add': 'Add · {price}',
  'item.qty': 'Quantity',
  'item.notes': 'Notes for the kitchen',
  'item.notesPlaceholder': 'Allergies, no salt, to share…',
  'item.allergy': 'Allergy',
  'item.allergyWord': 'ALLERGY',
  'item.allergyHint': 'Mark it when the note is about an allergy or intolerance.',
  'item.allergyOn': 'The kitchen will see the note as an allergy alert.',
  'item.seat': 'Seat',
  'item.seatNone': 'Table',
  'item.course': 'Course',
  'item.required': 'Choose {n}',
  'item.upTo': 'Up to {n}',
  'item.allergens': 'Contains',

  'course.drink': 'Drinks',
  'course.starter': 'Starters',
  'course.main': 'Mains',
  'course.dessert': 'Desserts',

  ...allergenEn,
};
