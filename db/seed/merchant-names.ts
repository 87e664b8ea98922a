import { pick, type Random } from "./random";

const FIRST = [
  "Kavya", "Brahmaputra", "Majuli", "Lohit", "Kaziranga", "Saffron", "Indigo", "Chai", "Gulmohar", "Jasmine",
  "Banyan", "Peacock", "Monsoon", "Marigold", "Himalayan", "Coastal", "Desi", "Urban", "Village", "Royal",
  "Heritage", "Lotus", "Amber", "Tulsi", "Neem", "Sandal", "Ganga", "Kaveri", "Thar", "Nilgiri",
];
const SECOND = [
  "Handlooms", "Tea House", "Spices", "Silks", "Crafts", "Organics", "Footwear", "Jewels", "Home Decor", "Kitchen",
  "Books", "Toys", "Pickles", "Naturals", "Ayurveda", "Fashion", "Electronics", "Bakery", "Pottery", "Kurtis",
];
const CITY = [
  "Guwahati", "Jorhat", "Dibrugarh", "Tezpur", "Silchar", "Kolkata", "Delhi", "Jaipur", "Lucknow", "Indore",
  "Pune", "Surat", "Bengaluru", "Kochi", "Chennai", "Hyderabad", "Bhopal", "Patna", "Shillong", "Mumbai",
];

export function merchantName(random: Random, index: number): string {
  return `${pick(random, FIRST)} ${pick(random, SECOND)} ${pick(random, CITY)}${index % 7 === 0 ? " Online" : ""}`;
}
