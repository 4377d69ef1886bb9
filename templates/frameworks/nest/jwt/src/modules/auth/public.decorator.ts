import { Reflector } from "@nestjs/core";

/** Opens a route, or every route of a controller, to requests without an access token. */
export const Public = Reflector.createDecorator<boolean>({ transform: () => true });
