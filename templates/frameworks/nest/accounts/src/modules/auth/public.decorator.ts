import { Reflector } from "@nestjs/core";

/** Opens a route, or every route of a controller, to requests that are not signed in. */
export const Public = Reflector.createDecorator<boolean>({ transform: () => true });
